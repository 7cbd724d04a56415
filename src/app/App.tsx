export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>LSTM Lens</h1>
      <p>The visualiser is being built on the engine in src/engine.</p>
    </main>
  );
}
