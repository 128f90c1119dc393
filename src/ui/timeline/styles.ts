import { css } from 'lit';

export const timelineStyles = css`
  :host {
    display: block;
    container-type: inline-size;
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
  /* A fixed width: the slider beside it keeps its width (and its ticks their place) whatever the date says. */
  .date {
    flex: none;
    width: 11rem;
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
    line-height: 1.2;
  }
  output.long {
    font-size: 0.86rem;
  }
  .speed select {
    font: inherit;
    font-size: 0.8rem;
    height: 2.1rem;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 6px;
    background: #fff;
    color: var(--ink, #1d2330);
  }
  .speed select:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
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
  /* A group tick: several events too close to draw apart; its count, and a list on click. */
  .tick.group {
    width: 12px;
    margin-left: -6px;
    height: 14px;
    top: -1px;
    font-size: 9px;
    font-weight: 700;
    line-height: 14px;
    color: #fff;
    opacity: 0.8;
    border-radius: 3px;
  }
  .group-list {
    position: absolute;
    bottom: 20px;
    transform: translateX(-50%);
    margin: 0;
    padding: 4px;
    list-style: none;
    background: #fff;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 8px;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.14);
    z-index: 6;
    width: max-content;
    max-width: min(26rem, 80vw);
  }
  .group-list button {
    display: block;
    width: 100%;
    height: auto;
    min-height: 2rem;
    text-align: left;
    border: none;
    padding: 4px 8px;
    font-size: 0.85rem;
  }
  .group-list button.current {
    font-weight: 700;
  }
  .group-list .when {
    color: var(--muted, #5b6475);
    font-variant-numeric: tabular-nums;
    margin-right: 0.3rem;
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
  /* A narrow timeline (a narrow window, or a narrow centre column): the slider on a row of its own. */
  @container (max-width: 720px) {
    .row {
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
    .track {
      flex-basis: 100%;
    }
  }
`;
