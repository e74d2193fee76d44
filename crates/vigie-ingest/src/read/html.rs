//! HTML pages: the main text by readability (dom_smoothie), the title, and a
//! publication date from meta tags, JSON-LD or `<time datetime>`.

use crate::published::parse_date;
use dom_smoothie::{Config, Readability, TextMode};
use vigie_model::{DateOrigin, Document};

/// Meta tags that carry a publication date, most specific first.
const DATE_META: &[&str] = &[
    "meta[property='article:published_time']",
    "meta[name='article:published_time']",
    "meta[itemprop='datePublished']",
    "meta[name='pubdate']",
    "meta[name='publish-date']",
    "meta[name='date']",
    "meta[name='dc.date']",
    "meta[name='DC.date.issued']",
    "meta[property='og:published_time']",
];

/// Pages nested deeper than this are refused before parsing: building the
/// tree costs time quadratic in its depth, and readability recurses on it.
const MAX_DEPTH: usize = 512;
/// Pages with more tags than this are refused: no article needs them.
const MAX_TAGS: usize = 200_000;
/// Elements the parser closes by itself when a sibling opens: they do not nest.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "area", "base", "br",
    "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
];

pub(super) fn parse(html: &str, base: Document) -> Result<Document, String> {
    within_bounds(html)?;
    let dom = dom_query::Document::from(html);
    let date = page_date(&dom);
    let config = Config { text_mode: TextMode::Formatted, ..Default::default() };
    let readable = Readability::with_document(dom.clone(), base.url.as_deref(), Some(config)).ok().and_then(|mut r| r.parse().ok());
    let (title, text, meta_date) = match readable {
        Some(article) => (article.title.clone(), article.text_content.to_string(), article.published_time.clone()),
        None => (dom.select("title").text().to_string(), body_text(&dom), None),
    };
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err("no text found in the HTML page".into());
    }
    let published = base.published.or_else(|| meta_date.as_deref().and_then(|d| parse_date(d, DateOrigin::Metadata))).or(date);
    let title = base.title.clone().or_else(|| Some(title.trim().to_string()).filter(|t| !t.is_empty()));
    Ok(Document { text, title, published, ..base })
}

/// Elements whose content is text, not markup: a `<` inside them opens nothing.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Refuses markup nested deeper than [`MAX_DEPTH`] or with more than
/// [`MAX_TAGS`] tags, by one pass over the bytes, before any tree is built.
/// Comments and the content of scripts and styles are skipped.
fn within_bounds(html: &str) -> Result<(), String> {
    let bytes = html.as_bytes();
    let (mut depth, mut tags, mut at) = (0usize, 0usize, 0usize);
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            at = memchr::memmem::find(rest, b"-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = &rest[closing as usize..];
        let len = name_start.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        // The tag ends at the next `>`.
        let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + e);
        at = (end + 1).min(bytes.len());
        if len == 0 || !name_start[0].is_ascii_alphabetic() {
            at = start;
            continue;
        }
        tags += 1;
        if tags > MAX_TAGS {
            return Err(format!("HTML with more than {MAX_TAGS} tags"));
        }
        let name = String::from_utf8_lossy(&name_start[..len]).to_ascii_lowercase();
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // Skip to the element's end tag, whatever its content holds.
            let ends = memchr::memmem::find_iter(&bytes[at..], b"</").map(|e| at + e);
            at = ends
                .into_iter()
                .find(|&e| bytes.get(e + 2..e + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())))
                .unwrap_or(bytes.len());
            continue;
        }
        if SELF_CLOSING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !bytes[start..end].ends_with(b"/") {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(format!("HTML nested deeper than {MAX_DEPTH} levels"));
            }
        }
    }
    Ok(())
}

/// The page's own publication date, when readability did not find one.
fn page_date(dom: &dom_query::Document) -> Option<vigie_model::PublishedDate> {
    DATE_META
        .iter()
        .filter_map(|sel| dom.select(sel).attr("content"))
        .chain(dom.select("time[datetime]").attr("datetime"))
        .find_map(|value| parse_date(&value, DateOrigin::Metadata))
}

/// Text of the body with block elements on their own lines, for pages
/// readability cannot score (short pages, broken markup).
fn body_text(dom: &dom_query::Document) -> String {
    dom.select("script, style, noscript, nav, header, footer, aside, form").remove();
    let blocks = dom.select("body p, body h1, body h2, body h3, body li, body blockquote, body pre");
    let lines: Vec<String> =
        blocks.iter().map(|b| b.text().split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        dom.select("body").text().to_string()
    } else {
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Document {
        Document { id: "p".into(), origin: "p.html".into(), ..Default::default() }
    }

    #[test]
    fn main_text_title_and_meta_date() {
        let html = r#"<!doctype html><html><head><title>Floods in Murcia | Example News</title>
            <meta property="article:published_time" content="2025-03-14T09:30:00+01:00"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Floods in Murcia</h1>
            <p>Rescue teams searched the riverbanks on Friday after a night of torrential rain that flooded dozens of villages in the region.</p>
            <p>At least twelve people died, according to the regional emergency service, which said the toll could still rise as waters recede.</p>
            <p>Residents described water rising to the first floor of their homes within minutes, forcing many to climb onto roofs.</p>
            </article><footer>Copyright Example News</footer></body></html>"#;
        let doc = parse(html, base()).unwrap();
        assert!(doc.text.contains("At least twelve people died"), "{}", doc.text);
        assert!(!doc.text.contains("Copyright"));
        assert_eq!(doc.published.unwrap().to_string(), "2025-03-14");
        assert!(doc.title.unwrap().contains("Floods in Murcia"));
    }

    #[test]
    fn broken_markup_still_yields_text() {
        let doc = parse("<html><body><p>Un séisme a fait 12 morts <b>selon la protection civile<p>Deuxième paragraphe", base()).unwrap();
        assert!(doc.text.contains("12 morts"), "{}", doc.text);
    }

    #[test]
    fn deeply_nested_pages_are_refused_before_parsing() {
        let html = format!("<html><body>{}<p>Trois blessés.</p>{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let e = parse(&html, base()).unwrap_err();
        assert!(e.contains("nested deeper"), "{e}");
        // Many paragraphs left open are siblings, not nesting; scripts, comments and
        // self-closed SVG paths open nothing.
        let open = format!("<html><body>{}</body></html>", "<p>Dos heridos en la carretera.".repeat(2_000));
        assert!(parse(&open, base()).is_ok());
        let script = format!("<script>{}</script>", "if (i<n) { s += '<div>'; }".repeat(1_000));
        let comment = format!("<!-- {} -->", "<div>".repeat(1_000));
        let svg = format!("<svg>{}</svg>", format!("<path d=\"{}\"/>", "M0 0 L1 1 ".repeat(100)).repeat(1_000));
        let page =
            format!("<html><body>{script}{comment}{svg}<p>Cinq morts dans un incendie à Lyon, selon les pompiers.</p></body></html>");
        assert!(within_bounds(&page).is_ok());
    }

    #[test]
    fn empty_page_is_an_error() {
        assert!(parse("<html><body><script>var x;</script></body></html>", base()).is_err());
    }

    #[test]
    fn time_element_gives_the_date() {
        let html =
            "<html><body><time datetime=\"2024-12-15\">15 déc.</time><p>Texte de l'article assez long pour être lu.</p></body></html>";
        assert_eq!(parse(html, base()).unwrap().published.unwrap().to_string(), "2024-12-15");
    }
}
