//! RSS 2.0 and Atom feeds (feed-rs): one document per item, from its title
//! and summary, or from the linked page when fetching is on.

use super::{Event, Format, Reader};
use crate::InputError;
use vigie_model::{DateOrigin, Document, PublishedDate};

pub(super) fn read(reader: &mut Reader, text: &str, origin: &str, fetch: bool, sink: &mut dyn FnMut(Event)) {
    let feed = match feed_rs::parser::parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => return sink(Event::Failed(InputError::new(origin, format!("not a valid RSS/Atom feed: {e}")))),
    };
    let outlet = feed.links.first().and_then(|l| crate::fetch::outlet_of(&l.href));
    for (n, entry) in feed.entries.into_iter().enumerate() {
        let link = entry.links.first().map(|l| l.href.clone()).filter(|l| super::is_web_address(l));
        let title = entry.title.map(|t| strip_tags(&t.content));
        let summary = entry.content.and_then(|c| c.body).or(entry.summary.map(|s| s.content)).map(|s| strip_tags(&s)).unwrap_or_default();
        let published = entry.published.or(entry.updated).map(|d| PublishedDate::day(d.date_naive(), DateOrigin::Metadata));
        let id = match (&link, entry.id.is_empty()) {
            (Some(link), _) => crate::fingerprint::url_id(link),
            (None, false) => entry.id.clone(),
            (None, true) => format!("{origin}#{}", n + 1),
        };
        let base = Document {
            id,
            origin: format!("{origin} item {}", n + 1),
            url: link.clone(),
            outlet: link.as_deref().and_then(crate::fetch::outlet_of).or(outlet.clone()),
            title: title.clone(),
            published,
            lang: None,
            text: String::new(),
        };
        if fetch {
            if let Some(url) = &link {
                match reader.fetcher().get(url) {
                    Ok(page) if page.format() == Format::Html => {
                        reader.parse(&page.body, Format::Html, page.charset.as_deref(), base, false, sink);
                        continue;
                    }
                    Ok(_) => sink(Event::Failed(InputError::new(url, "linked page is not HTML"))),
                    Err(reason) => sink(Event::Failed(InputError::new(url, reason))),
                }
                continue;
            }
        }
        let text = [title.unwrap_or_default(), summary].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join("\n");
        if text.trim().is_empty() {
            sink(Event::Failed(InputError::new(base.origin, "feed item has no title or summary")));
        } else {
            sink(Event::Document(Box::new(Document { text, ..base })));
        }
    }
}

/// Plain text of an HTML fragment (feed summaries often carry markup).
fn strip_tags(fragment: &str) -> String {
    if !fragment.contains('<') {
        return fragment.trim().to_string();
    }
    let dom = dom_query::Document::fragment(fragment);
    dom.select("p, br, li, div").iter().for_each(|n| n.append_html("\n"));
    dom.root().text().lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::super::ReadOptions;
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
        <item><title>Quake: 40 dead</title><link>https://news.example/2025/03/02/quake</link><pubDate>Sun, 02 Mar 2025 08:00:00 GMT</pubDate>
        <description>&lt;p&gt;At least 40 people died, the agency said.&lt;/p&gt;</description></item>
        <item><title>Second</title><link>https://news.example/second</link><description>More.</description></item>
        </channel></rss>"#;

    #[test]
    fn items_become_documents() {
        let mut reader = Reader::new(ReadOptions::default());
        let mut docs = Vec::new();
        read(&mut reader, RSS, "feed.xml", false, &mut |e| {
            if let Event::Document(d) = e {
                docs.push(d)
            }
        });
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Quake: 40 dead\nAt least 40 people died, the agency said.");
        assert_eq!(docs[0].published.unwrap().to_string(), "2025-03-02");
        assert_eq!(docs[0].url.as_deref(), Some("https://news.example/2025/03/02/quake"));
        assert_eq!(docs[0].outlet.as_deref(), Some("news.example"));
    }

    #[test]
    fn a_broken_feed_is_one_error() {
        let mut reader = Reader::new(ReadOptions::default());
        let mut errors = Vec::new();
        read(&mut reader, "<rss><channel><item>", "bad.xml", false, &mut |e| {
            if let Event::Failed(e) = e {
                errors.push(e.to_string())
            }
        });
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("bad.xml: not a valid RSS/Atom feed"), "{errors:?}");
    }
}
