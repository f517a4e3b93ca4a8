export function GlossaryPage() {
  return (
    <main class="glossary-page">
      <h1>Sovereignty Lens — Glossary</h1>
    </main>
  );
}
