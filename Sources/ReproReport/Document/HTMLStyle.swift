extension HTMLReport {
    /// The page's CSS. Tables of class `cards` (the claims) turn into one card per row at phone
    /// widths, with the cells that carry a `data-label` prefixed by it. A cell of class
    /// `verdict <kind>` shows its text as a badge coloured by the verdict's kind
    /// (`Verdict.Kind`: holds, partly, doesNotHold, untestable).
    static let css = """
    :root { color-scheme: light; }
    body { margin: 0; background: #fafafa; color: #222;
      font: 16px/1.55 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 64px; background: #fff; }
    h1 { font-size: 1.7em; line-height: 1.25; margin-top: 0.4em; }
    h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #e5e5e5;
      padding-bottom: 0.2em; }
    h3 { font-size: 1.1em; margin-top: 1.5em; }
    figure { margin: 1em 0; }
    img { max-width: 100%; height: auto; display: block; margin: 1em auto 0.3em;
      border: 1px solid #eee; }
    figcaption { margin: 0.8em 0 1em; }
    table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%;
      margin: 1em 0; font-size: 0.88em; }
    th, td { border: 1px solid #ddd; padding: 5px 9px; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; }
    tr:nth-child(even) td { background: #fcfcfc; }
    code { font-size: 0.9em; background: #f4f4f4; padding: 1px 4px; border-radius: 3px;
      word-break: break-all; }
    blockquote { margin: 1em 0; padding: 0.6em 1em; background: #fff8e5;
      border-left: 4px solid #f0b429; }
    blockquote p { margin: 0; }
    em { color: #444; }
    .verdict strong { white-space: nowrap; padding: 1px 6px; border-radius: 4px; }
    .verdict.holds strong { background: #e3f5e1; color: #1b6e1b; }
    .verdict.doesNotHold strong { background: #fde2e1; color: #a11b1b; }
    .verdict.partly strong { background: #fff1d6; color: #8a5a00; white-space: normal; }
    .verdict.untestable strong { background: #eee; color: #555; }
    @media (max-width: 600px) {
      body { font-size: 15px; } main { padding: 12px; } h1 { font-size: 1.35em; }
      table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
      table.cards thead { display: none; }
      table.cards tr { border: 1px solid #ddd; border-radius: 6px; margin: 0 0 12px;
        padding: 6px 8px; }
      table.cards td { border: none; padding: 2px 0; background: none !important; }
      table.cards td:first-child { font-weight: bold; }
      table.cards td[data-label]::before { content: attr(data-label) ": "; color: #777; }
    }
    """
}
