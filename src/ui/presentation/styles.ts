import { css } from 'lit';

/**
 * The stage: the chart on paper at the left, the words on a dark panel at the right in type sized
 * to the screen (about 2 % of its width: 38 px on a 1920-pixel projector), contrast above 12:1.
 * In print, the stage gives way to the handout: one step per page.
 */
export const presentationStyles = css`
  :host {
    position: fixed;
    inset: 0;
    z-index: 100;
    display: block;
    background: var(--paper, #fbfaf7);
    color: var(--ink, #1d2330);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  }
  .stage {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) clamp(340px, 32vw, 760px);
  }
  .view {
    position: relative;
    min-width: 0;
  }
  .when {
    position: absolute;
    z-index: 3;
    /* Clear of the chart's zoom buttons at the top right. */
    right: 130px;
    left: clamp(16px, 2vw, 40px);
    top: clamp(12px, 1.6vw, 32px);
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    pointer-events: none;
    text-shadow: 0 0 6px var(--paper, #fbfaf7), 0 0 12px var(--paper, #fbfaf7);
  }
  /* On paper of their own: an organ drawn behind the heading (not the step's focus, which is framed clear of it) does not garble it. */
  .when > span {
    align-self: flex-start;
    padding: 0 0.3em;
    border-radius: 4px;
    background: rgb(251 250 247 / 0.94);
  }
  .when .graph {
    font-size: clamp(15px, 1.25vw, 28px);
    font-weight: 600;
    color: #3d4657;
  }
  .when .date {
    font-size: clamp(28px, 2.8vw, 60px);
    font-weight: 750;
    letter-spacing: -0.01em;
    line-height: 1.05;
    color: #8a3a44;
    font-variant-numeric: tabular-nums;
  }
  .when .span {
    font-size: clamp(13px, 1vw, 22px);
    color: #3d4657;
  }
  apparat-chart.stage-chart {
    position: absolute;
    inset: 0;
  }
  .nothing {
    position: absolute;
    top: 45%;
    width: 100%;
    text-align: center;
    font-size: 1.4rem;
  }
  .words {
    background: #15181f;
    color: #f7f4ee;
    display: flex;
    flex-direction: column;
    padding: clamp(20px, 2.6vw, 56px) clamp(20px, 2.4vw, 52px) clamp(18px, 2vw, 44px);
    min-height: 0;
    overflow: auto;
    position: relative;
  }
  .top {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1em;
    margin-bottom: clamp(14px, 2.2vh, 40px);
  }
  .top .title {
    font-size: clamp(14px, 1.05vw, 24px);
    text-transform: uppercase;
    letter-spacing: 0.09em;
    color: #c9c3b6;
    font-weight: 600;
  }
  .counter {
    font-size: clamp(20px, 1.7vw, 40px);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: #ffffff;
    white-space: nowrap;
  }
  .caption {
    font-size: calc(clamp(19px, 1.8vw, 44px) * var(--fit, 1));
    line-height: 1.36;
    flex: 1 1 auto;
  }
  .caption p {
    margin: 0 0 0.6em;
  }
  .caption ul,
  .caption ol {
    margin: 0 0 0.6em;
    padding-left: 1.2em;
  }
  .caption li {
    margin-bottom: 0.25em;
  }
  .words .caption strong {
    color: #ffd27a;
    font-weight: 700;
  }
  .caption em {
    font-style: italic;
  }
  .citation {
    margin: clamp(12px, 2vh, 32px) 0 0;
    font-size: calc(clamp(14px, 1.12vw, 26px) * max(var(--fit, 1), 0.85));
    line-height: 1.4;
    color: #d6d0c4;
    border-top: 1px solid #3a3f4b;
    padding-top: 0.7em;
  }
  .src {
    text-transform: uppercase;
    letter-spacing: 0.08em;
    font-size: 0.78em;
    font-weight: 700;
    color: #ffd27a;
    margin-right: 0.4em;
  }
  .progress {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: 6px;
    background: #2a2f3a;
  }
  .progress span {
    display: block;
    height: 100%;
    background: #c9535f;
    transition: width 0.4s ease;
  }
  .controls {
    position: absolute;
    z-index: 4;
    left: clamp(12px, 1.5vw, 32px);
    bottom: clamp(12px, 1.5vw, 32px);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    transition: opacity 0.5s ease;
  }
  :host([idle]) .controls {
    opacity: 0;
  }
  .controls:focus-within {
    opacity: 1 !important;
  }
  button {
    font: inherit;
    font-size: 0.9rem;
    min-height: 2.2rem;
    padding: 0 0.8rem;
    border: 1px solid #c9c4b8;
    border-radius: 7px;
    background: rgb(255 255 255 / 0.92);
    color: var(--ink, #1d2330);
    cursor: pointer;
  }
  button:hover {
    background: #fff;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button:focus-visible {
    outline: 3px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
  }
  .hint {
    font-size: 0.85rem;
    color: #5b6475;
    margin-left: 0.4rem;
  }
  .black {
    position: fixed;
    inset: 0;
    z-index: 10;
    background: #000;
    opacity: 0;
    pointer-events: none;
    transition: opacity 0.35s ease;
  }
  :host([black]) .black {
    opacity: 1;
    pointer-events: auto;
    cursor: none;
  }
  .missing {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    font-size: 1.5rem;
    gap: 1rem;
  }
  /* The handout's charts are drawn on a chart of their own, out of sight. */
  apparat-chart.renderer {
    position: fixed;
    left: -20000px;
    top: 0;
    width: 1280px;
    height: 760px;
  }
  .handout {
    display: none;
  }

  /* A phone (or any narrow, tall window): the caption above the chart, each the full width. */
  @media (max-width: 700px) {
    .stage {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
    }
    .words {
      grid-row: 1;
      max-height: 48vh;
      padding: 14px 16px 16px;
    }
    .view {
      grid-row: 2;
    }
    .top {
      margin-bottom: 8px;
    }
    .caption {
      font-size: calc(19px * var(--fit, 1));
    }
    .citation {
      font-size: 14px;
      margin-top: 10px;
    }
    .when {
      left: 12px;
      top: 8px;
    }
    .when .date {
      font-size: 26px;
    }
    .when .graph {
      font-size: 13px;
    }
    .controls .hint {
      display: none;
    }
  }

  @media print {
    :host {
      position: static;
      background: #fff;
      color: #000;
    }
    .stage,
    apparat-chart.renderer {
      display: none;
    }
    .handout {
      display: block;
    }
    .page {
      display: block;
      break-after: page;
      page-break-after: always;
      break-inside: avoid;
      font-size: 12pt;
      color: #000;
    }
    .page:last-child {
      break-after: auto;
    }
    .page header {
      display: flex;
      justify-content: space-between;
      font-size: 9pt;
      text-transform: uppercase;
      letter-spacing: 0.08em;
      color: #444;
      border-bottom: 0.5pt solid #999;
      padding-bottom: 3pt;
    }
    .page h2 {
      font-size: 15pt;
      margin: 8pt 0 6pt;
    }
    .picture {
      display: block;
      width: 100%;
      max-height: 52vh;
      object-fit: contain;
      border: 0.5pt solid #ccc;
    }
    .page .caption {
      font-size: 12.5pt;
      line-height: 1.4;
      margin-top: 10pt;
    }
    .page .caption strong {
      color: #000;
    }
    .page .citation {
      font-size: 9.5pt;
      color: #222;
      border-top: 0.5pt solid #999;
    }
    .page .src {
      color: #000;
    }
  }
`;
