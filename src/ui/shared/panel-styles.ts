/** The side panels' common look (details, events, compare, person): headings, plain lists, link buttons, a list along a rail. */
import { css } from 'lit';

export const panelBase = css`
  :host {
    display: block;
    font-size: 0.88rem;
    line-height: 1.45;
    color: var(--ink, #1d2330);
  }
  h2 {
    font-size: 1.15rem;
    margin: 0.2rem 0 0.4rem;
    line-height: 1.25;
  }
  h3 {
    font-size: 0.72rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--muted, #5b6475);
    margin: 1rem 0 0.35rem;
    font-weight: 600;
  }
  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain li {
    margin: 0.15rem 0;
  }
  .when,
  .muted,
  .hint {
    color: var(--muted, #5b6475);
    font-size: 0.82rem;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: #24588f;
    text-decoration: underline;
    text-decoration-color: #b9c9dc;
    text-underline-offset: 2px;
    text-align: left;
  }
  button.link:hover {
    text-decoration-color: currentColor;
  }
  button:focus-visible {
    outline: 2.5px solid var(--focus, #2c6fb7);
    outline-offset: 2px;
    border-radius: 3px;
  }
  /* A list along a time rail, a dot at each item (events, a person's posts); each sets its own spacing and dot colour. */
  ol.rail {
    list-style: none;
    margin: 0;
    padding: 0;
    border-left: 2px solid #e2ddd3;
  }
  ol.rail > li {
    position: relative;
  }
  ol.rail > li::before {
    content: '';
    position: absolute;
    left: -6px;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: #fff;
    border: 2px solid #5b6475;
  }
`;
