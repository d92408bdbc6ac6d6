import { describe, expect, it } from "vitest";
import { isSafeUrl } from "./markdown.server.ts";
import { render, sectionHtml } from "./test-helpers.ts";

describe("lesson Markdown: safety", () => {
  it("shows raw HTML as text", () => {
    const html = sectionHtml('<script>alert("x")</script>\n\nText <img src=x onerror=alert(1)> here.');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("drops javascript:, data: and vbscript: links but keeps http(s), mailto and relative ones", () => {
    const html = sectionHtml(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](vbscript:x) " +
        "[e](https://fincen.gov) [f](mailto:help@example.org) [g](/en/glossary) [h](#sources)",
    );
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(html).toContain('<a href="https://fincen.gov">e</a>');
    expect(html).toContain('<a href="mailto:help@example.org">f</a>');
    expect(html).toContain('<a href="/en/glossary">g</a>');
    expect(html).toContain('<a href="#sources">h</a>');
    expect(html).toContain("[a](javascript:alert(1))"); // left as visible text
  });

  it("does not let whitespace or control characters hide a scheme", () => {
    expect(isSafeUrl("java\tscript:alert(1)")).toBe(false);
    expect(isSafeUrl(" javascript:alert(1)")).toBe(false);
    expect(isSafeUrl("https://example.org")).toBe(true);
    expect(isSafeUrl("../lesson")).toBe(true);
  });
});

describe("lesson Markdown: structure", () => {
  it("splits ## sections with ids and keeps the heading out of the html", () => {
    const body = render("## First *one* {#first}\n\nA.\n\n### Detail\n\nB.\n\n## Second {#second}\n\n- item");
    expect(body.sections.map((s) => [s.id, s.title])).toEqual([
      ["first", "First one"],
      ["second", "Second"],
    ]);
    expect(body.sections[0]?.html).toBe("<p>A.</p>\n<h3>Detail</h3>\n<p>B.</p>\n");
    expect(body.sections[0]?.text).toBe("A.\nDetail\nB.");
    expect(body.problems).toEqual([]);
  });

  it("wraps tables in a focusable, named, scrollable region", () => {
    const html = sectionHtml("| a | b |\n| - | - |\n| 1 | 2 |", "es");
    expect(html).toMatch(
      /^<div class="table-scroll" role="region" tabindex="0" aria-label="Tabla \(se desplaza horizontalmente\)">\n<table>/,
    );
    expect(html).toMatch(/<\/table>\n<\/div>\n$/);
  });

  it("renders callouts as labeled asides with a visible translated label", () => {
    expect(sectionHtml(":::red-flag\nCash under **USD 10,000**.\n:::", "es")).toBe(
      '<aside class="callout callout--red-flag" aria-label="Señal de alerta"><p class="callout__label" aria-hidden="true">Señal de alerta</p>\n' +
        "<p>Cash under <strong>USD 10,000</strong>.</p>\n</aside>\n",
    );
    for (const [kind, label] of [
      ["legal-note", "Legal note"],
      ["example", "Example"],
      ["key-point", "Key point"],
    ]) {
      expect(sectionHtml(`:::${kind}\nx\n:::`)).toContain(
        `<aside class="callout callout--${kind}" aria-label="${label}">`,
      );
    }
  });

  it("numbers footnotes with ids unique per language and lesson", () => {
    const en = render("## S {#s}\n\nA CTR.[^ctr]\n\n[^ctr]: 31 CFR 1010.311.", "en", "cash");
    const es = render("## S {#s}\n\nUn CTR.[^ctr]\n\n[^ctr]: 31 CFR 1010.311.", "es", "cash");
    expect(en.sections[0]?.html).toContain(
      '<sup class="footnote-ref"><a href="#fn-en-cash-1" id="fnref-en-cash-1">[1]</a></sup>',
    );
    expect(es.sections[0]?.html).toContain('href="#fn-es-cash-1" id="fnref-es-cash-1"');
    expect(en.footnotes).toEqual([{ key: "ctr", anchorId: "fn-en-cash-1", text: "31 CFR 1010.311." }]);
    expect(en.footnotesHtml).toContain('<section class="footnotes" aria-label="Sources cited">');
    expect(en.footnotesHtml).toContain('<li id="fn-en-cash-1" class="footnote-item">');
    expect(es.footnotesHtml).toContain(
      '<a href="#fnref-es-cash-1" class="footnote-backref" aria-label="Volver a la referencia 1">',
    );
  });
});

describe("lesson Markdown: glossary marks", () => {
  it("renders a no-JavaScript popover disclosure that stays phrasing content", () => {
    const html = sectionHtml("Cash enters by [[placement|placing it]] and [[placement]].", "es");
    expect(html).toContain(
      '<button type="button" class="term" popovertarget="gl-es-demo-1" aria-haspopup="dialog" data-term="placement">placing it</button>' +
        '<span popover id="gl-es-demo-1" class="term-popover" role="dialog" aria-labelledby="gl-es-demo-1-name" tabindex="-1" autofocus>' +
        '<span class="term-popover__name" id="gl-es-demo-1-name">Colocación</span> ' +
        '<span class="term-popover__definition">Primera etapa: el efectivo entra al sistema.</span> ' +
        '<span class="term-popover__other">En inglés: <span lang="en">Placement</span></span> ' +
        '<span class="term-popover__jurisdiction">Jurisdicción: Internacional</span> ' +
        '<button type="button" class="term-popover__close" popovertarget="gl-es-demo-1" popovertargetaction="hide">Cerrar</button></span>',
    );
    expect(html).toContain(
      'popovertarget="gl-es-demo-2" aria-haspopup="dialog" data-term="placement">Colocación</button>',
    );
    // Only phrasing elements inside the paragraph: no div, p, dl or section in the popover.
    const paragraph = html.slice(html.indexOf("<p>") + 3, html.lastIndexOf("</p>"));
    expect(paragraph).not.toMatch(/<(div|p|dl|section|aside)\b/);
  });

  it("reports the line of each mark, marks inside link text and undefined footnotes", () => {
    const body = render(
      "## S {#s}\n\nFirst line\nthen [[placement]] here.\n\n[see [[placement]]](https://x.org) and [^nope].",
    );
    expect(body.terms).toEqual([
      { id: "placement", line: 3 },
      { id: "placement", line: 5 },
    ]);
    expect(body.problems).toEqual([
      { line: 5, message: "glossary mark [[placement]] cannot sit inside link text" },
      { line: 5, message: "footnote [^nope] has no definition" },
    ]);
  });

  it("keeps [[id|text]] in one table cell", () => {
    const body = render("## S {#s}\n\n| a | b |\n| - | - |\n| [[placement|the entry]] | 2 |");
    expect(body.sections[0]?.text).toBe("a\nb\nthe entry\n2");
    expect(body.terms).toEqual([{ id: "placement", line: 4 }]);
  });
});
