export function App() {
  return (
    <main>
      <h1>Resonate Inspector</h1>
    </main>
  );
}
