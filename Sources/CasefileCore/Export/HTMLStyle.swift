/// The report's style sheet, inline so the file needs nothing else: screen and print.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1d2730; --muted: #5b6770; --rule: #d9dee3; --paper: #ffffff; --tint: #f5f7f9;
          --accent: #1f5f8b; --original: #fffaf0; --translation: #f3f8fc; --red: #b03a2e; --green: #1e7d4f; }
        * { box-sizing: border-box; }
        html { background: var(--tint); }
        body { margin: 0 auto; max-width: 1120px; padding: 0 28px 48px; background: var(--paper); color: var(--ink);
          font: 15px/1.55 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; }
        a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
        header.cover { padding: 36px 0 20px; border-bottom: 3px solid var(--ink); }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 12px; color: var(--muted); }
        h1 { margin: 6px 0 8px; font: 600 30px/1.2 Georgia, "Noto Serif", "DejaVu Serif", serif; }
        h2 { margin: 40px 0 14px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); font: 600 21px/1.3 Georgia, "Noto Serif", "DejaVu Serif", serif; }
        h3 { margin: 0 0 4px; font-size: 16px; }
        h4.day { margin: 26px 0 10px; font-size: 13px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
        .meta { margin: 0; color: var(--muted); font-size: 13px; }
        .selection { margin: 10px 0 0; padding: 6px 10px; background: var(--tint); border-left: 3px solid var(--accent); font-size: 13px; }
        nav.toc { margin: 14px 0 0; font-size: 13px; } nav.toc a { margin-right: 14px; }
        .figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; padding: 0; list-style: none; }
        .figures li { padding: 8px 14px; background: var(--tint); border-radius: 6px; font-size: 13px; color: var(--muted); }
        .figures b { display: block; font-size: 20px; color: var(--ink); }
        .facts { margin: 12px 0 0; font-size: 14px; } .facts dt { float: left; clear: left; width: 130px; color: var(--muted); }
        .facts dd { margin: 0 0 4px 140px; }
        .people { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; align-items: start; }
        .card, .item { border: 1px solid var(--rule); border-radius: 8px; padding: 12px 14px; background: var(--paper); break-inside: avoid; }
        .card:target, .item:target { outline: 3px solid #f0c36d; }
        .id { font: 12px/1 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); margin-left: 6px; }
        .chips span { display: inline-block; margin: 2px 4px 2px 0; padding: 1px 8px; border-radius: 10px; background: var(--tint); font-size: 12px; }
        .chips span.tag { background: #fbeee0; }
        .line { margin: 3px 0; font-size: 13.5px; } .line .k { color: var(--muted); }
        ul.rel { margin: 6px 0 0; padding-left: 18px; font-size: 13.5px; } ul.rel .why { color: var(--muted); }
        .rel-criticizes { color: var(--red); } .rel-supports { color: var(--green); }
        .item { margin: 0 0 12px; } .item .head { font-size: 13px; color: var(--muted); margin-bottom: 8px; }
        .item .head .who { font-size: 15px; font-weight: 600; color: var(--ink); }
        .kind { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 4px; background: var(--ink); color: #fff; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
        .pair.single { grid-template-columns: 1fr; }
        .text { padding: 10px 12px; border-radius: 6px; overflow-wrap: anywhere; }
        .text > div { white-space: pre-wrap; unicode-bidi: plaintext; }
        .translation + .translation { margin-top: 8px; }
        .original { background: var(--original); border-left: 3px solid #d9a441; }
        .translation { background: var(--translation); border-left: 3px solid #5d93bd; }
        .text .label { display: block; margin-bottom: 4px; font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); white-space: normal; }
        .notes { margin: 8px 0 0; padding: 0; list-style: none; font-size: 13.5px; }
        .notes li { margin: 4px 0; padding: 6px 10px; background: #fffdf4; border-left: 3px solid #e3cf7a; white-space: pre-wrap; }
        .notes .by { display: block; color: var(--muted); font-size: 12px; white-space: normal; }
        table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
        th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
        td.note { white-space: pre-wrap; }
        ol.sources li { margin: 0 0 12px; } .hash { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        table.evidence .k { color: var(--muted); font-size: 12px; } table.evidence .file { font-weight: 600; overflow-wrap: anywhere; }
        .fixity.ok { color: #1e7d4f; } .fixity.bad { color: #b03a2e; font-weight: 600; }
        figure.network { margin: 0; padding: 10px; border: 1px solid var(--rule); border-radius: 8px; background: #fff; text-align: center; }
        figure.network svg { max-width: 100%; height: auto; }
        figcaption { margin-top: 8px; font-size: 12.5px; color: var(--muted); text-align: left; }
        .legend span { margin-right: 14px; white-space: nowrap; }
        .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border: 1px solid #5b6770; }
        footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
        .empty { color: var(--muted); font-style: italic; }
        @media (max-width: 720px) { body { padding: 0 14px 32px; } .pair { grid-template-columns: 1fr; } .facts dt { float: none; } .facts dd { margin-left: 0; } }
        @media print {
          @page { size: A4; margin: 16mm 14mm 18mm; }
          html, body { background: #fff; } body { max-width: none; padding: 0; font-size: 10pt; }
          nav.toc, .card:target, .item:target { outline: none; } nav.toc { display: none; }
          a { color: var(--ink); } .item a[href^="http"]::after, ol.sources a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); overflow-wrap: anywhere; }
          h2 { break-after: avoid; } .card, .item, tr, figure.network { break-inside: avoid; }
          #network { break-before: page; } .people { display: block; } .people .card { margin-bottom: 8px; }
          .text, .original, .translation, .figures li, .chips span, .kind { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
