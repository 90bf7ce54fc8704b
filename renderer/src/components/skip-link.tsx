/**
 * "Skip to …": the page's first Tab stop, visible only while focused.
 * `target` is an element that always exists (and takes focus) for the link
 * itself; `onSkip` may pick a better place when it is used (a grid row).
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
