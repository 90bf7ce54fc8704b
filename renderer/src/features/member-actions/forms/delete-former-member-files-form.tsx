

export function DeleteFilesForm() {
  return (
    <p>
      <strong>Cannot be undone.</strong> Every file left in the removed account is deleted for good: it can no longer be transferred to a colleague, and the member can no longer be
      recovered.
    </p>
  );
}
