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

pub(super) fn parse(html: &str, base: Document) -> Result<Document, String> {
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
