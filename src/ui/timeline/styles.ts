import { css } from 'lit';

export const timelineStyles = css`
  :host {
    display: block;
    padding: 0.6rem 1rem 0.4rem;
    border-top: 1px solid var(--line, #d9d6ce);
    background: #fff;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 1rem;
  }
  .buttons {
    display: flex;
    gap: 4px;
  }
  button {
    font: inherit;
    border: 1px solid var(--line, #d9d6ce);
    background: #fff;
    color: var(--ink, #1d2330);
    border-radius: 6px;
    height: 2.1rem;
    min-width: 2.3rem;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: #f3f1ec;
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
  }
  .play[aria-pressed='true'] {
    background: var(--ink, #1d2330);
    color: #fff;
  }
  .date {
    min-width: 9.5rem;
    display: flex;
    flex-direction: column;
  }
  .date .label {
    font-size: 0.7rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--muted, #5b6475);
  }
  output {
    font-size: 1.2rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .track {
    position: relative;
    flex: 1;
    padding: 14px 0 18px;
  }
  input[type='range'] {
    width: 100%;
    margin: 0;
    accent-color: var(--accent, #8a3a44);
    height: 18px;
    position: relative;
    z-index: 1;
  }
  .ticks {
    position: absolute;
    left: 0;
    right: 0;
    top: 0;
    height: 12px;
  }
  .tick {
    position: absolute;
    top: 0;
    width: 9px;
    min-width: 0;
    height: 12px;
    padding: 0;
    margin-left: -4.5px;
    border: none;
    border-radius: 2px;
    background: #8a3a44;
    opacity: 0.55;
  }
  .tick:hover,
  .tick:focus-visible,
  .tick.current {
    opacity: 1;
    background: #8a3a44;
  }
  .tick.current {
    box-shadow: 0 0 0 2px #fff, 0 0 0 4px #8a3a44;
  }
  .tip {
    display: none;
    position: absolute;
    bottom: 18px;
    left: 50%;
    transform: translateX(-50%);
    white-space: nowrap;
    background: var(--ink, #1d2330);
    color: #fff;
    font-size: 0.78rem;
    padding: 4px 8px;
    border-radius: 4px;
    pointer-events: none;
    z-index: 5;
  }
  .tick:hover .tip,
  .tick:focus-visible .tip {
    display: block;
  }
  .compare {
    position: absolute;
    top: 22px;
    width: 12px;
    height: 12px;
    margin-left: -6px;
    border-radius: 50%;
    background: #fff;
    border: 3px solid #2c6fb7;
    box-sizing: border-box;
    z-index: 2;
    pointer-events: none;
  }
  .years {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: 14px;
    font-size: 0.72rem;
    color: var(--muted, #5b6475);
    font-variant-numeric: tabular-nums;
  }
  .years span {
    position: absolute;
    transform: translateX(-50%);
  }
  @media (max-width: 700px) {
    .row {
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
    .track {
      flex-basis: 100%;
    }
  }
`;
