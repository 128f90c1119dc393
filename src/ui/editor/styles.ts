import { css } from 'lit';

export const editorStyles = css`
  .opener {
    font: inherit;
    font-size: 0.88rem;
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 4px;
    background: #fff;
    cursor: pointer;
  }
  dialog {
    width: min(72rem, 96vw);
    height: min(52rem, 94vh);
    padding: 0;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 6px;
    color: var(--ink, #1d2330);
    font-size: 15px;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog > header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.6rem 1rem;
    border-bottom: 1px solid var(--line, #d9d6ce);
  }
  h2 {
    font-size: 1.1rem;
    margin: 0;
    flex: 1;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  button {
    font: inherit;
    font-size: 0.9rem;
    padding: 0.3rem 0.7rem;
    border: 1px solid #9aa1ad;
    border-radius: 4px;
    background: #fff;
    cursor: pointer;
  }
  button[type='submit'] {
    background: #2f3b52;
    color: #fff;
    border-color: #2f3b52;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid #8a3a44;
    outline-offset: 1px;
  }
  .status {
    margin: 0;
    padding: 0.3rem 1rem;
    min-height: 1.3em;
    font-size: 0.9rem;
    color: var(--muted, #5b6475);
  }
  .columns,
  dialog > section {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding: 0 1rem 1rem;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr);
    gap: 1.5rem;
  }
  @media (max-width: 800px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  form {
    border: 1px solid #ebe7df;
    border-radius: 6px;
    padding: 0.6rem 0.9rem 0.8rem;
    margin: 0 0 1rem;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.5rem 1rem;
    align-items: start;
  }
  form h3,
  form .problems,
  form button[type='submit'],
  .field.check {
    grid-column: 1 / -1;
  }
  form button[type='submit'] {
    justify-self: start;
  }
  h3 {
    font-size: 1rem;
    margin: 0.2rem 0;
  }
  h4 {
    font-size: 0.9rem;
    margin: 1rem 0 0.3rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field.check {
    flex-direction: row;
    align-items: center;
  }
  label {
    font-size: 0.85rem;
    font-weight: 600;
  }
  input[type='text'],
  select,
  textarea {
    font: inherit;
    font-size: 0.9rem;
    padding: 0.3rem 0.4rem;
    border: 1px solid #9aa1ad;
    border-radius: 4px;
  }
  [aria-invalid='true'] {
    border-color: #b3261e;
  }
  .hint {
    font-size: 0.8rem;
    color: var(--muted, #5b6475);
  }
  .problem,
  .problems {
    margin: 0;
    font-size: 0.85rem;
  }
  .problem.error,
  .problems .error {
    color: #b3261e;
  }
  .problem.warning,
  .problems .warning {
    color: #7a5b00;
  }
  .summary ul {
    padding-left: 1.1rem;
    font-size: 0.88rem;
    line-height: 1.45;
  }
  .muted {
    color: var(--muted, #5b6475);
    font-weight: 400;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
