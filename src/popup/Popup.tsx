export function Popup() {
  return (
    <main class="popup">
      <h1>Sovereignty Lens</h1>
    </main>
  );
}
