//! The JSON API under `/api/` and the dashboard's static files, as a pure
//! function from a request to a response: the server ([`crate::server`])
//! only moves bytes. Every error is JSON with its status code.

use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use vigie_extract::Extractor;
use vigie_ingest::Source;
use vigie_pipeline::{export, ingest, report, Format, Notice, Options, ReportError};
use vigie_store::Store;

/// Requests larger than this are refused (413).
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Query strings longer than this are refused (414).
pub const MAX_QUERY_BYTES: usize = 4096;
/// Stories per page at most.
const MAX_PER_PAGE: usize = 100;
/// A whole-database export of more stories than this needs the token (it costs seconds and memory).
const FREE_EXPORT_STORIES: usize = 200;

/// What the API needs of a request.
pub struct Request<'a> {
    pub method: &'a str,
    /// The path and query string, as sent.
    pub url: &'a str,
    pub body: &'a [u8],
    /// The `Authorization` header, if any.
    pub authorization: Option<&'a str>,
}

pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    fn json(status: u16, value: &impl Serialize) -> Response {
        Response { status, content_type: "application/json", body: serde_json::to_vec(value).expect("JSON values serialise") }
    }

    /// A JSON error with its status code.
    pub fn error(status: u16, message: impl Into<String>) -> Response {
        Response::json(status, &json!({ "error": message.into(), "status": status }))
    }

    fn asset(content_type: &'static str, body: &'static [u8]) -> Response {
        Response { status: 200, content_type, body: body.to_vec() }
    }
}

/// The dashboard, embedded in the binary: it works with no network.
const ASSETS: &[(&str, &str, &[u8])] = &[
    ("/", "text/html; charset=utf-8", include_bytes!("assets/index.html")),
    ("/app.js", "text/javascript; charset=utf-8", include_bytes!("assets/app.js")),
    ("/app.css", "text/css; charset=utf-8", include_bytes!("assets/app.css")),
    ("/world.json", "application/json", include_bytes!("assets/world.json")),
    ("/api/openapi.json", "application/json", include_bytes!("openapi.json")),
];

/// The API: the extractor's automata are built once and shared by requests.
pub struct Api {
    extractor: Extractor,
    /// Writes are off unless a token is set.
    token: Option<String>,
}

impl Api {
    pub fn new(token: Option<String>) -> Self {
        Api { extractor: Extractor::new(), token }
    }

    /// Whether the server should read this request's body: only an authorised
    /// write, on the path as [`handle`](Self::handle) routes it.
    pub fn reads_body(&self, method: &str, url: &str, authorization: Option<&str>) -> bool {
        let path = url.split_once('?').map_or(url, |(p, _)| p);
        method == "POST" && segments(path).is_ok_and(|s| s == ["api", "ingest"]) && self.may_write(authorization)
    }

    /// Whether a request with this `Authorization` header may write (a token is set and it bears it).
    pub fn may_write(&self, authorization: Option<&str>) -> bool {
        self.token.as_ref().is_some_and(|token| authorization == Some(format!("Bearer {token}").as_str()))
    }

    /// Answers one request. Never panics on bad input: every failure is a 4xx or 5xx JSON error.
    pub fn handle(&self, store: &mut Store, req: &Request) -> Response {
        let (path, query) = req.url.split_once('?').unwrap_or((req.url, ""));
        if query.len() > MAX_QUERY_BYTES {
            return Response::error(414, format!("query string over {MAX_QUERY_BYTES} bytes"));
        }
        if req.body.len() > MAX_BODY_BYTES {
            return Response::error(413, format!("request body over {MAX_BODY_BYTES} bytes"));
        }
        let params: HashMap<String, String> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        if params.iter().any(|(k, v)| k.chars().chain(v.chars()).any(char::is_control)) {
            return Response::error(400, "control characters are not allowed in the query string");
        }
        let Ok(decoded) = segments(path) else {
            return Response::error(400, "the path is not UTF-8 once decoded");
        };
        if decoded.iter().any(|s| s.chars().any(char::is_control)) {
            return Response::error(400, "control characters are not allowed in the path");
        }
        let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
        if req.method == "GET" {
            if let Some((_, content_type, body)) = ASSETS.iter().find(|(p, _, _)| *p == path) {
                return Response::asset(content_type, body);
            }
        }
        let result = match (req.method, segments.as_slice()) {
            ("GET", ["api", "health"]) => self.health(store),
            ("GET", ["api", "stories"]) => self.stories(store, &params),
            ("GET", ["api", "stories", id]) => self.story(store, id),
            ("GET", ["api", "stories", id, "claims"]) => self.claims(store, id, &params),
            ("GET", ["api", "articles", id]) => self.article(store, id),
            ("GET", ["api", "search"]) => self.search(store, &params),
            ("GET", ["api", "export"]) => return self.export(store, &params, req.authorization),
            ("POST", ["api", "ingest"]) => self.ingest(store, req),
            (_, ["api", "health" | "stories" | "articles" | "search" | "export" | "ingest", ..]) => {
                Err(Response::error(405, format!("method {} not allowed on {path}", req.method)))
            }
            (_, ["api", ..]) | ("GET", _) => Err(Response::error(404, format!("no such resource: {path}"))),
            _ => Err(Response::error(405, format!("method {} not allowed here", req.method))),
        };
        result.unwrap_or_else(|e| e)
    }

    fn health(&self, store: &mut Store) -> Result<Response, Response> {
        let articles = store.article_count().map_err(internal)?;
        let stories = store.stories().map_err(internal)?.len();
        Ok(Response::json(200, &json!({ "status": "ok", "articles": articles, "stories": stories, "writes": self.token.is_some() })))
    }

    /// Stories, largest first, filtered and paged, each with its headline toll and a sparkline of it.
    fn stories(&self, store: &mut Store, params: &HashMap<String, String>) -> Result<Response, Response> {
        let page = number(params, "page", 1)?.max(1);
        let per_page = number(params, "per_page", 20)?.clamp(1, MAX_PER_PAGE);
        let text = params.get("q").map(|q| q.to_lowercase()).filter(|q| !q.is_empty());
        let lang = params.get("lang").filter(|l| !l.is_empty());
        let from = params.get("from").filter(|d| !d.is_empty());
        let to = params.get("to").filter(|d| !d.is_empty());
        // A place (or any words) filters through full-text search of the stories' articles.
        let with_place: Option<Vec<String>> = match params.get("place").filter(|p| !p.trim().is_empty()) {
            Some(place) => {
                let hits = store.search(place, 10_000).map_err(internal)?;
                let mut stories = Vec::new();
                for hit in hits {
                    if let Some(s) = store.story_of(&hit.id).map_err(internal)? {
                        stories.push(s);
                    }
                }
                Some(stories)
            }
            None => None,
        };
        // Without filters the database pages; with them, the summaries are filtered here.
        if text.is_none() && lang.is_none() && from.is_none() && to.is_none() && with_place.is_none() {
            let total = store.story_count().map_err(internal)?;
            let page_of = store.stories_page((page - 1).saturating_mul(per_page), per_page).map_err(internal)?;
            return Ok(Response::json(200, &json!({ "page": page, "per_page": per_page, "total": total, "stories": list_items(page_of) })));
        }
        let all = store.stories().map_err(internal)?;
        let matching: Vec<_> = all
            .into_iter()
            .filter(|s| text.as_ref().is_none_or(|q| s.title.as_deref().unwrap_or("").to_lowercase().contains(q.as_str())))
            .filter(|s| lang.is_none_or(|l| s.languages.iter().any(|x| x == l)))
            .filter(|s| from.is_none_or(|f| s.last.as_deref().is_some_and(|l| l >= f.as_str())))
            .filter(|s| to.is_none_or(|t| s.first.as_deref().is_some_and(|f| f <= t.as_str())))
            .filter(|s| with_place.as_ref().is_none_or(|ids| ids.contains(&s.id)))
            .collect();
        let total = matching.len();
        let items = list_items(matching.into_iter().skip((page - 1).saturating_mul(per_page)).take(per_page).collect());
        Ok(Response::json(200, &json!({ "page": page, "per_page": per_page, "total": total, "stories": items })))
    }

    fn story(&self, store: &mut Store, id: &str) -> Result<Response, Response> {
        match report(store, &self.extractor, id) {
            Ok(r) => Ok(Response::json(200, &r)),
            Err(e @ ReportError::NoStory(_)) => Err(Response::error(404, e.to_string())),
            Err(e) => Err(internal(e)),
        }
    }

    /// A story's claims, filtered by metric, group, source and day.
    fn claims(&self, store: &mut Store, id: &str, params: &HashMap<String, String>) -> Result<Response, Response> {
        let r = match report(store, &self.extractor, id) {
            Ok(r) => r,
            Err(e @ ReportError::NoStory(_)) => return Err(Response::error(404, e.to_string())),
            Err(e) => return Err(internal(e)),
        };
        let wanted = |key: &str, value: String| params.get(key).filter(|v| !v.is_empty()).is_none_or(|v| v.eq_ignore_ascii_case(&value));
        let day = |c: &vigie_stories::reconcile::Claim| c.as_of.map(|d| d.to_string());
        let claims: Vec<_> = r
            .reconciled
            .claims
            .iter()
            .filter(|c| wanted("metric", c.metric.to_string()) && wanted("group", c.group.to_string()))
            .filter(|c| wanted("source", c.source.clone().unwrap_or_default()))
            .filter(|c| params.get("from").filter(|f| !f.is_empty()).is_none_or(|f| day(c).is_some_and(|d| d >= *f)))
            .filter(|c| params.get("to").filter(|t| !t.is_empty()).is_none_or(|t| day(c).is_some_and(|d| d <= *t)))
            .collect();
        Ok(Response::json(200, &json!({ "story": id, "claims": claims })))
    }

    /// One article with its figures: `start`/`end` of each are byte offsets into `original`.
    fn article(&self, store: &mut Store, id: &str) -> Result<Response, Response> {
        let Some(a) = store.article(id).map_err(internal)? else {
            return Err(Response::error(404, format!("no article {id:?} in the database")));
        };
        let figures = store.figures(id).map_err(internal)?;
        let story = store.story_of(id).map_err(internal)?;
        Ok(Response::json(200, &json!({ "article": a, "story": story, "figures": figures })))
    }

    fn search(&self, store: &mut Store, params: &HashMap<String, String>) -> Result<Response, Response> {
        let Some(q) = params.get("q").filter(|q| !q.trim().is_empty()) else {
            return Err(Response::error(400, "the search needs a query: ?q=words"));
        };
        let limit = number(params, "limit", 20)?.clamp(1, 200);
        let hits = store.search(q, limit).map_err(internal)?;
        let mut out = Vec::new();
        for h in hits {
            let story = store.story_of(&h.id).map_err(internal)?;
            out.push(json!({ "id": h.id, "title": h.title, "snippet": h.snippet, "story": story }));
        }
        Ok(Response::json(200, &json!({ "query": q, "hits": out })))
    }

    fn export(&self, store: &mut Store, params: &HashMap<String, String>, authorization: Option<&str>) -> Response {
        let format = params.get("format").map(String::as_str).unwrap_or("json");
        let Some(format) = Format::parse(format) else {
            return Response::error(400, format!("unknown export format {format:?}: json, jsonl, csv or geojson"));
        };
        if params.get("story").is_none() && !self.may_write(authorization) {
            match store.story_count() {
                Ok(n) if n > FREE_EXPORT_STORIES => {
                    return Response::error(
                        401,
                        format!("exporting all {n} stories needs the token (or `vigie export` on the server); one story: ?story=ID"),
                    )
                }
                Ok(_) => {}
                Err(e) => return internal(e),
            }
        }
        match export(store, &self.extractor, format, params.get("story").map(String::as_str)) {
            Ok(body) => Response { status: 200, content_type: format.content_type(), body: body.into_bytes() },
            Err(e @ ReportError::NoStory(_)) => Response::error(404, e.to_string()),
            Err(e) => internal(e),
        }
    }

    /// `POST /api/ingest`: articles as JSON Lines with inline `text` (files on the server are not read).
    fn ingest(&self, store: &mut Store, req: &Request) -> Result<Response, Response> {
        if self.token.is_none() {
            return Err(Response::error(403, "writes are off: start `vigie serve` with --token to accept them"));
        }
        if !self.may_write(req.authorization) {
            return Err(Response::error(401, "missing or wrong bearer token"));
        }
        // The posted lines go to the reader in memory: no file is written or read.
        let source = Source::Inline { name: "body".into(), body: req.body.to_vec() };
        let options = Options { keep_assignments: true, ..Default::default() };
        let mut errors: Vec<String> = Vec::new();
        let done = ingest(store, &[source], &self.extractor, &options, &mut |notice| match notice {
            Notice::Step => {}
            Notice::Failed(e) => errors.push(e.to_string()),
            Notice::Warning(e) => errors.push(format!("warning: {e}")),
        })
        .map_err(internal)?;
        let stories: Vec<_> = done.assignments.iter().map(|(article, story)| json!({ "article": article, "story": story })).collect();
        Ok(Response::json(
            if errors.is_empty() { 200 } else { 207 },
            &json!({ "stored": done.ingested, "stories": stories, "errors": errors }),
        ))
    }
}

/// The path's segments, each percent-decoded ("sub%2Fx" is the article "sub/x"); an error when one is not UTF-8.
fn segments(path: &str) -> Result<Vec<String>, std::str::Utf8Error> {
    path.trim_matches('/').split('/').map(|s| percent_encoding::percent_decode_str(s).decode_utf8().map(|d| d.into_owned())).collect()
}

/// Story summaries as the list shows them.
fn list_items(stories: Vec<vigie_store::StorySummary>) -> Vec<Value> {
    stories
        .into_iter()
        .map(|s| {
            let digest = s.digest.unwrap_or_default();
            json!({
                "id": s.id, "title": s.title, "articles": s.articles, "languages": s.languages,
                "first": s.first, "last": s.last, "killed": digest["killed"], "sparkline": digest["sparkline"],
            })
        })
        .collect()
}

/// A number from the query string, or `default`.
fn number(params: &HashMap<String, String>, key: &str, default: usize) -> Result<usize, Response> {
    match params.get(key).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| Response::error(400, format!("{key} must be a number, not {v:?}"))),
    }
}

fn internal(e: impl std::fmt::Display) -> Response {
    Response::error(500, e.to_string())
}
