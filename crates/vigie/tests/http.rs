//! `vigie ingest URL` over real HTTP on loopback: a feed, and the pages it links to.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

/// Serves `path -> (content type, body)` until the test ends; unknown paths get a 404.
fn serve(routes: Vec<(&'static str, &'static str, String)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap() > 2 {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let response = match routes.iter().find(|(p, _, _)| *p == path) {
                Some((_, ct, body)) => {
                    format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
                }
                None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    format!("http://{addr}")
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title><meta property=\"article:published_time\" content=\"2025-03-15T08:00:00Z\"></head>\
         <body><nav>Home | World | Sport</nav><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article><footer>All rights reserved</footer></body></html>"
    )
}

#[test]
fn a_feed_url_is_fetched_with_its_linked_pages() {
    let base = serve(vec![
        (
            "/page-one",
            "text/html; charset=utf-8",
            page(
                "River floods the valley",
                "Rescue crews evacuated 300 residents from the valley overnight as the river burst its banks, the fire brigade said.",
            ),
        ),
        (
            "/page-two",
            "text/html; charset=utf-8",
            page(
                "Bridge closed after storm",
                "The old stone bridge was closed on Saturday after inspectors found cracks caused by the storm surge.",
            ),
        ),
    ]);
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title><link>{base}/</link>\
         <item><title>River floods the valley</title><link>{base}/page-one</link></item>\
         <item><title>Bridge closed</title><link>{base}/page-two</link></item>\
         <item><title>Gone</title><link>{base}/page-missing</link></item></channel></rss>"
    );
    let feed_base = serve(vec![("/feed.xml", "application/rss+xml", feed)]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let url = format!("{feed_base}/feed.xml");
    let out = vigie(&["ingest", &url], &db);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "the missing page is a failure: {err}");
    assert!(err.lines().any(|l| l.starts_with("error: ") && l.contains("/page-missing") && l.contains("404")), "{err}");
    assert!(err.contains("ingested 2 "), "{err}");
    let shown = vigie(&["articles", "--jsonl"], &db);
    let rows: Vec<serde_json::Value> = stdout(&shown).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["published"] == "2025-03-15"), "{rows:?}");
    let found = vigie(&["search", "evacuated", "--jsonl"], &db);
    assert!(stdout(&found).contains("River floods the valley"), "{}", stdout(&found));
}
