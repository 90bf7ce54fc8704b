

export function RecoverForm() {
  return (
    <p>
      They come back to the team with their files, using a free licence; group memberships are not restored. Dropbox allows this for 7 days after the removal, and not once their
      files were transferred or deleted or they kept a Basic account.
    </p>
  );
}
