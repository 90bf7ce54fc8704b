/**
 * "Skip to …": the page's first Tab stop, visible only while focused. A
 * button-like link, since the target (a grid row) is chosen when it is used.
 */
export function SkipLink({ label, target, onSkip }: { label: string; target: string; onSkip(): void }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      onClick={(e) => {
        e.preventDefault();
        onSkip();
      }}
    >
      {label}
    </a>
  );
}
