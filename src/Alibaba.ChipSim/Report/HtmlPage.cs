namespace Alibaba.ChipSim.Report;

/// <summary>The fixed parts of the page: inline CSS (screen and print) and the self-check script.</summary>
internal static class HtmlPage
{
    public const string Css = """
        :root { --ink: #222; --muted: #555; --rule: #ccc; --accent: #0072B2; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto;
               max-width: 1100px; padding: 24px 32px 64px; line-height: 1.45; background: #fff; font-size: 15px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 22px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 40px; }
        h3 { font-size: 17px; margin: 28px 0 6px; }
        p.lead { color: var(--muted); margin-top: 0; }
        p.brief { font-size: 16px; border-left: 4px solid var(--accent); padding: 6px 12px; background: #f3f8fc; }
        p.note { font-size: 14px; border-left: 4px solid #bbb; padding: 4px 12px; background: #f6f6f6; }
        p.warning { font-size: 15px; border-left: 4px solid #a33; padding: 4px 12px; background: #fbeaea; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
        th, td { border-bottom: 1px solid var(--rule); padding: 4px 10px; text-align: right; vertical-align: top; }
        th.text, td.text { text-align: left; overflow-wrap: anywhere; }
        thead th { border-bottom: 2px solid var(--ink); }
        td.unit { color: var(--muted); text-align: left; }
        dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: 14px;
                        background: #f6f6f6; border: 1px solid var(--rule); padding: 10px 14px; }
        dl.provenance dt { font-weight: bold; }
        dl.provenance dd { margin: 0; font-family: "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        figure { margin: 12px 0 28px; }
        svg.chart { display: block; width: 100%; max-width: 960px; height: auto; border: 1px solid #eee; }
        /* A state diagram is shown at its natural size (Graphviz's 14-point labels stay readable); a wide one scrolls in its box. */
        div.diagram-box { overflow-x: auto; max-width: 100%; }
        img.diagram { display: block; width: auto; max-width: none; height: auto; }
        figcaption { font-size: 14px; color: var(--muted); max-width: 960px; }
        pre.diagram { background: #f6f6f6; border: 1px solid var(--rule); padding: 10px; font-size: 13px; overflow-x: auto; }
        nav ul { columns: 2; font-size: 14px; }
        @media (max-width: 900px) {
          body { padding: 16px 16px 48px; }
          nav ul { columns: 1; }
        }
        @page { size: A4; margin: 10mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h1 { font-size: 20pt; }
          h2 { margin-top: 0; }
          section + section { break-before: page; }
          h2, h3 { break-after: avoid; }
          figure, table, dl.provenance, p.note, p.brief { break-inside: avoid; }
          svg.chart { max-width: 100%; border: none; }
          figure { margin: 4px 0 10px; }
          h3 { margin: 14px 0 4px; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    /// <summary>
    /// Runs first: records script and resource errors; on load, writes into &lt;body&gt; whether every image decoded
    /// (naturalWidth &gt; 0) and how many inline charts the page holds. A headless browser's DOM dump then tells a test whether the page rendered.
    /// </summary>
    public const string CheckScript = """
        window.__reportErrors = [];
        window.addEventListener('error', function (e) {
          var t = e.target;
          window.__reportErrors.push(t && t.tagName ? ('resource ' + t.tagName + ' ' + (t.alt || t.src || '').slice(0, 80)) : String(e.message));
        }, true);
        window.addEventListener('load', function () {
          var images = Array.prototype.slice.call(document.images);
          var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0 && i.naturalHeight > 0); });
          var problems = broken.map(function (i) { return 'image ' + i.alt; }).concat(window.__reportErrors);
          document.body.dataset.images = String(images.length);
          document.body.dataset.charts = String(document.querySelectorAll('svg.chart').length);
          document.body.dataset.broken = String(broken.length);
          document.body.dataset.loaded = problems.length === 0 ? 'ok' : 'failed: ' + problems.join('; ');
        });
        """;
}
