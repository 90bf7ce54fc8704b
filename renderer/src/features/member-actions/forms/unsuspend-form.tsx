

export function UnsuspendForm() {
  return (
    <p>
      They can sign in again, with their files as they were. A suspended member keeps their licence, so this needs no new one; if the team is already over its licence count,
      Dropbox refuses and the plan says so.
    </p>
  );
}
