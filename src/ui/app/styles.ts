import { visuallyHidden } from '../shared/visually-hidden.ts';
import { css } from 'lit';
import { headerStyles } from './header-styles.ts';

export const appStyles = [
  visuallyHidden,
  headerStyles,
  css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    color: var(--ink, #1d2330);
    font-size: 15px;
  }
  button.link {
    font: inherit;
    border: none;
    background: none;
    padding: 0;
    color: #24588f;
    text-decoration: underline;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
  }
  .problems {
    background: #fbf0ee;
    border-bottom: 1px solid #e8c6c0;
    padding: 0.4rem 1rem;
    font-size: 0.88rem;
  }
  .problems summary {
    cursor: pointer;
    color: #8a2a22;
    font-weight: 600;
  }
  .problems h2 {
    font-size: 0.9rem;
    margin: 0.5rem 0 0.2rem;
  }
  .problems ul {
    margin: 0;
    padding-left: 1.2rem;
    max-height: 30vh;
    overflow: auto;
  }
  .problems code {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 0.8rem;
    white-space: pre-wrap;
  }
  main {
    flex: 1;
    display: grid;
    /* The chart takes the larger share: at 1440 px about 860 of it. */
    grid-template-columns: minmax(13rem, 16rem) minmax(0, 1fr) minmax(17rem, 20rem);
    grid-template-rows: minmax(0, 1fr);
    min-height: 0;
  }
  /* A folded panel is not drawn (and takes no grid cell): the columns are those of the others. */
  main.fold-left {
    grid-template-columns: minmax(0, 1fr) minmax(17rem, 20rem);
  }
  main.fold-right {
    grid-template-columns: minmax(13rem, 16rem) minmax(0, 1fr);
  }
  main.fold-left.fold-right {
    grid-template-columns: minmax(0, 1fr);
  }
  aside[hidden] {
    display: none;
  }
  .fold {
    position: absolute;
    top: calc(50% - 1.5rem);
    z-index: 3;
    width: 1.4rem;
    height: 3rem;
    padding: 0;
    border: 1px solid #c9c3b8;
    background: #fff;
    color: var(--ink, #1d2330);
    font-size: 1.1rem;
    cursor: pointer;
  }
  .fold.left {
    left: 0;
    border-left: none;
    border-radius: 0 6px 6px 0;
  }
  .fold.right {
    right: 0;
    border-right: none;
    border-radius: 6px 0 0 6px;
  }
  .fold:hover,
  .fold:focus-visible {
    background: #f3efe7;
  }
  .step-caption {
    position: absolute;
    top: 10px;
    left: 2rem;
    right: 9.5rem;
    z-index: 2;
    margin: 0;
    padding: 6px 12px;
    background: rgb(255 255 255 / 0.94);
    border: 1px solid #e6d7b8;
    border-left: 4px solid #8a3a44;
    border-radius: 6px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.08);
    pointer-events: none;
  }
  .step-caption p {
    margin: 0;
  }
  .step-caption .what {
    font-size: 0.95rem;
  }
  .step-caption .date {
    font-variant-numeric: tabular-nums;
    color: #8a3a44;
    font-weight: 600;
    margin-right: 0.3rem;
  }
  .step-caption .source {
    font-size: 0.78rem;
    color: var(--muted, #5b6475);
  }
  .step-caption cite {
    font-style: normal;
  }
  main.empty {
    display: block;
    padding: 2rem;
  }
  aside {
    min-height: 0;
    display: flex;
    flex-direction: column;
    background: #fff;
  }
  aside.left {
    border-right: 1px solid var(--line, #d9d6ce);
    padding: 0.5rem 0.4rem 0.5rem 0.6rem;
  }
  aside.left h2 {
    font-size: 0.72rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--muted, #5b6475);
    margin: 0.2rem 0.3rem 0.4rem;
    display: flex;
    justify-content: space-between;
  }
  .count {
    text-transform: none;
    letter-spacing: 0;
    font-weight: 400;
  }
  apparat-outline {
    flex: 1;
  }
  aside.right {
    border-left: 1px solid var(--line, #d9d6ce);
  }
  [role='tablist'] {
    display: flex;
    border-bottom: 1px solid var(--line, #d9d6ce);
    padding: 0 0.5rem;
  }
  [role='tab'] {
    font: inherit;
    font-size: 0.88rem;
    border: none;
    background: none;
    padding: 0.6rem 0.7rem 0.5rem;
    cursor: pointer;
    color: var(--muted, #5b6475);
    border-bottom: 2.5px solid transparent;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--ink, #1d2330);
    border-bottom-color: #8a3a44;
    font-weight: 600;
  }
  .panel {
    flex: 1;
    overflow: auto;
    padding: 0.8rem 1rem 2rem;
  }
  .overview h2 {
    font-size: 1.1rem;
    margin-top: 0;
  }
  .overview p {
    font-size: 0.9rem;
    line-height: 1.5;
  }
  .muted {
    color: var(--muted, #5b6475);
  }
  .centre {
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }
  .caption {
    padding: 0.55rem 1rem 0.45rem;
    border-bottom: 1px solid #ebe7df;
    background: var(--paper, #fbfaf7);
  }
  .caption h1 {
    font-size: 1.05rem;
    margin: 0;
    font-weight: 650;
  }
  .caption p {
    margin: 0.1rem 0 0;
    font-size: 0.86rem;
    color: var(--muted, #5b6475);
  }
  .caption strong {
    color: var(--ink, #1d2330);
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    background: #efebe3;
    color: var(--ink, #1d2330);
    border-radius: 999px;
    padding: 0 8px;
    font-size: 0.8rem;
  }
  .pill.ev {
    background: #f8ecd6;
  }
  .pill .x {
    border: none;
    background: none;
    cursor: pointer;
    font-size: 1rem;
    line-height: 1;
    padding: 0 2px;
  }
  .chartbox {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  apparat-chart,
  apparat-flow {
    position: absolute;
    inset: 0;
  }
  .views {
    display: inline-flex;
    margin-left: 0.5rem;
    vertical-align: middle;
  }
  .views button {
    font: inherit;
    font-size: 0.8rem;
    padding: 1px 10px;
    border: 1px solid #c9c3b8;
    background: #fff;
    color: var(--ink, #1d2330);
    cursor: pointer;
  }
  .views button:first-child {
    border-radius: 999px 0 0 999px;
  }
  .views button:last-child {
    border-radius: 0 999px 999px 0;
    border-left: none;
  }
  .views button[aria-pressed='true'] {
    background: #8a3a44;
    border-color: #8a3a44;
    color: #fff;
  }
  apparat-legend {
    position: absolute;
    left: 12px;
    bottom: 12px;
  }
  .nothing {
    position: absolute;
    top: 40%;
    width: 100%;
    text-align: center;
    color: var(--muted, #5b6475);
  }
  .no-evidence {
    left: 50%;
    top: 30%;
    transform: translateX(-50%);
    width: min(30rem, 90%);
    background: #fff;
    border: 1px dashed #8a8378;
    border-radius: 8px;
    padding: 0.4rem 1rem;
    color: var(--ink, #1d2330);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.08);
    z-index: 5;
  }
  .no-evidence button {
    font: inherit;
    margin: 0 4px;
    padding: 4px 10px;
    border: 1px solid var(--line, #d9d6ce);
    border-radius: 6px;
    background: #faf9f6;
    cursor: pointer;
  }
  .notice {
    position: absolute;
    top: 12px;
    left: 12px;
    margin: 0;
    background: #fff8e6;
    border: 1px solid #ecd9a6;
    border-radius: 6px;
    padding: 4px 8px;
    font-size: 0.85rem;
    z-index: 3;
  }
  .notice .x {
    border: none;
    background: none;
    cursor: pointer;
  }
  .fatal,
  .loading {
    padding: 2rem;
  }
  @media (max-width: 1100px) {
    main {
      grid-template-columns: minmax(13rem, 16rem) minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) minmax(12rem, 38vh);
    }
    main.fold-left,
    main.fold-left.fold-right {
      grid-template-columns: minmax(0, 1fr);
    }
    main.fold-right {
      grid-template-columns: minmax(13rem, 16rem) minmax(0, 1fr);
    }
    main.fold-right,
    main.fold-left.fold-right {
      grid-template-rows: minmax(0, 1fr);
    }
    aside.right {
      grid-column: 1 / -1;
      border-left: none;
      border-top: 1px solid var(--line, #d9d6ce);
    }
  }
  @media (max-width: 700px) {
    /* On a phone the panels stack below the chart: nothing to fold. */
    .fold {
      display: none;
    }
    aside[hidden] {
      display: block;
    }
    main,
    main.fold-left,
    main.fold-right,
    main.fold-left.fold-right {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: 36rem 18rem 24rem;
      overflow: auto;
    }
    aside.left {
      order: 2;
      border-right: none;
    }
    .centre {
      order: 1;
    }
    aside.right {
      order: 3;
    }
  }
  /* ?embed: no header, no side panels; the chart and the timeline fill the frame at any width. */
  :host([embed]) main {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
    overflow: hidden;
  }
  :host([embed]) aside {
    display: none;
  }
  .embed-open {
    float: right;
    font-size: 0.85rem;
    color: inherit;
  }
`,
];
