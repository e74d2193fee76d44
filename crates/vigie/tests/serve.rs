//! `vigie serve` as a user meets it: the real binary on a loopback port,
//! spoken to over HTTP; and `vigie export`.

mod common;
use common::Server;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo")
}

/// A database with the sample corpus, its figures and stories.
fn sample_db(dir: &Path) -> PathBuf {
    let db = dir.join("serve.db");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["ingest", samples().join("manifest.jsonl").to_str().unwrap(), "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

#[test]
fn the_api_serves_stories_claims_articles_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&sample_db(dir.path()), None);

    let (status, health) = server.get("/api/health");
    assert_eq!((status, health["status"].as_str(), health["writes"].as_bool()), (200, Some("ok"), Some(false)));

    let (status, list) = server.get("/api/stories?per_page=2");
    assert_eq!(status, 200);
    assert_eq!(list["stories"].as_array().unwrap().len(), 2);
    assert_eq!(list["total"], 5);
    let floods = &list["stories"][0];
    assert_eq!(floods["killed"]["latest"], 64, "{floods}");
    assert!(floods["sparkline"].as_array().unwrap().len() >= 3);
    let (_, page2) = server.get("/api/stories?per_page=2&page=3");
    assert_eq!(page2["stories"].as_array().unwrap().len(), 1);
    let (_, spanish) = server.get("/api/stories?lang=es&place=Pinga");
    assert_eq!(spanish["total"], 1, "{spanish}");

    let id = floods["id"].as_str().unwrap();
    let (status, story) = server.get(&format!("/api/stories/{id}"));
    assert_eq!(status, 200);
    assert!(
        story["places"].as_array().unwrap().iter().any(|p| p["name"] == "Murcia" && p["place"]["lat"].is_number()),
        "{}",
        story["places"]
    );
    assert!(!story["estimates"].as_array().unwrap().is_empty());
    let (_, claims) = server.get(&format!("/api/stories/{id}/claims?metric=killed&group=total&source=Spanish%20interior%20ministry"));
    let claims = claims["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c["metric"] == "killed" && c["source"] == "Spanish interior ministry"));

    // Figure spans point into the original text.
    let (status, article) = server.get("/api/articles/d03");
    assert_eq!(status, 200);
    let original = article["article"]["original"].as_str().unwrap();
    for f in article["figures"].as_array().unwrap() {
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(&original[start..end], f["quote"].as_str().unwrap());
    }

    let (status, hits) = server.get("/api/search?q=Murcia");
    assert_eq!(status, 200);
    assert!(hits["hits"].as_array().unwrap().iter().any(|h| h["story"] == id));

    let (status, spec) = server.get("/api/openapi.json");
    assert_eq!(status, 200);
    assert!(spec["paths"]["/api/stories/{id}"].is_object());
}

#[test]
fn bad_requests_get_json_errors_and_every_page_a_strict_policy() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&sample_db(dir.path()), None);
    for (path, want) in [("/api/stories/nope", 404), ("/api/nothing", 404), ("/api/stories?per_page=lots", 400), ("/api/search", 400)] {
        let (status, body) = server.get(path);
        assert_eq!((status, body["status"].as_u64()), (want, Some(want as u64)), "{path}: {body}");
        assert!(body["error"].is_string());
    }
    let (status, _, _) = server.request("GET", &format!("/api/stories?q={}", "x".repeat(5000)), &[], b"");
    assert_eq!(status, 414);
    let (status, _, _) = server.request("DELETE", "/api/stories", &[], b"");
    assert_eq!(status, 405);
    let (status, headers, body) = server.request("GET", "/", &[], b"");
    assert_eq!(status, 200);
    let csp = headers.iter().find(|(k, _)| k == "content-security-policy").map(|(_, v)| v.as_str()).unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    assert!(!String::from_utf8_lossy(&body).contains("<script>"), "no inline script in the page");
    // The dashboard writes text, never HTML.
    let (_, _, script) = server.request("GET", "/app.js", &[], b"");
    assert!(!String::from_utf8_lossy(&script).contains("innerHTML"));
}

#[test]
fn writes_need_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let line = br#"{"id":"w1","lang":"en","published":"2025-03-26","title":"<script>alert(1)</script> Pinga","text":"Pinga\n\nAt least 120 people have been killed around Pinga, the army said on Tuesday."}"#;
    let closed = Server::start(&db, None);
    assert_eq!(closed.request("POST", "/api/ingest", &[], line).0, 403);
    drop(closed);

    let open = Server::start(&db, Some("s3cret"));
    assert_eq!(open.request("POST", "/api/ingest", &[("Authorization", "Bearer wrong")], line).0, 401);
    let mut body = line.to_vec();
    body.extend_from_slice(b"\n{\"id\":\"w2\",\"file\":\"/etc/passwd\"}\n");
    let (status, _, answer) = open.request("POST", "/api/ingest", &[("Authorization", "Bearer s3cret")], &body);
    let answer: Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!((status, answer["stored"].as_u64()), (207, Some(1)), "{answer}");
    assert!(answer["errors"][0].as_str().unwrap().contains("\"file\" entry is not accepted"));
    let (status, article) = open.get("/api/articles/w1");
    assert_eq!(status, 200);
    assert_eq!(article["article"]["title"], "<script>alert(1)</script> Pinga", "stored as text");
    assert!(article["figures"].as_array().unwrap().iter().any(|f| f["value"] == 120));

    let huge = vec![b'x'; 9 * 1024 * 1024];
    assert_eq!(open.request("POST", "/api/ingest", &[("Authorization", "Bearer s3cret")], &huge).0, 413);
}

#[test]
fn exports_in_four_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let run = |format: &str| {
        let out =
            Command::new(env!("CARGO_BIN_EXE_vigie")).args(["export", "--db", db.to_str().unwrap(), "--format", format]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 5);
    assert_eq!(run("jsonl").lines().count(), 5);
    let csv = run("csv");
    assert!(csv.starts_with("story,story_title,date,metric,group,value,qualifier,low,best,high"));
    assert!(csv.lines().any(|l| l.contains(",killed,total,64,")), "{csv}");
    let geo: Value = serde_json::from_str(&run("geojson")).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    assert!(geo["features"].as_array().unwrap().iter().any(|f| f["properties"]["place"] == "Van"));
}
