//! `vigie bench --http N`: a database of N synthetic articles (see
//! `bench_stream.rs`), served on loopback, under load from client threads:
//! requests per second and latency percentiles for the story list, a story
//! page of median size and the largest story's page.

use super::bench_stream::Stream;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use vigie_ingest::Cleaner;
use vigie_model::{DateOrigin, Document, PublishedDate};
use vigie_pipeline::Assigner;
use vigie_serve::server::{start, ServeConfig};
use vigie_store::{Added, Derived, Store};

/// How long each endpoint is loaded, and by how many clients.
const LOAD: Duration = Duration::from_secs(10);
const CLIENTS: usize = 4;

/// Slow clients connected during the second round of loads.
const SLOW_CLIENTS: usize = 64;

/// Connections that send a byte every half second and never finish a request.
struct SlowClients {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SlowClients {
    fn connect(addr: &str, n: usize) -> SlowClients {
        let mut streams: Vec<TcpStream> = (0..n)
            .filter_map(|i| {
                let mut s = TcpStream::connect(addr).ok()?;
                let head = if i % 2 == 0 {
                    "GET /api/health HTTP/1.1\r\nX-Slow: ".to_string()
                } else {
                    format!("POST /api/ingest HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 1000000\r\n\r\n")
                };
                s.write_all(head.as_bytes()).ok()?;
                Some(s)
            })
            .collect();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                for s in &mut streams {
                    let _ = s.write_all(b"a");
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        });
        SlowClients { stop, thread: Some(thread) }
    }
}

impl Drop for SlowClients {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// One endpoint's measure.
pub struct Load {
    pub path: String,
    pub requests: usize,
    pub failed: usize,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

/// One GET on a fresh connection; whether it answered 200.
fn get(addr: &str, path: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(addr) else { return false };
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let mut response = Vec::new();
    stream.write_all(request.as_bytes()).is_ok() && stream.read_to_end(&mut response).is_ok() && response.starts_with(b"HTTP/1.1 200")
}

fn load(addr: &str, path: &str) -> Load {
    let results: Vec<(Vec<f64>, usize)> = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..CLIENTS)
            .map(|_| {
                scope.spawn(|| {
                    let (mut times, mut failed) = (Vec::new(), 0);
                    let start = Instant::now();
                    while start.elapsed() < LOAD {
                        let t = Instant::now();
                        if get(addr, path) {
                            times.push(t.elapsed().as_secs_f64() * 1000.0);
                        } else {
                            failed += 1;
                        }
                    }
                    (times, failed)
                })
            })
            .collect();
        clients.into_iter().map(|c| c.join().expect("client thread")).collect()
    });
    let mut times: Vec<f64> = results.iter().flat_map(|(t, _)| t.iter().copied()).collect();
    let failed = results.iter().map(|(_, f)| f).sum();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times.get(((times.len() as f64 * q) as usize).min(times.len().saturating_sub(1))).copied().unwrap_or(0.0);
    Load {
        path: path.to_string(),
        requests: times.len(),
        failed,
        per_second: times.len() as f64 / LOAD.as_secs_f64(),
        p50_ms: at(0.5),
        p99_ms: at(0.99),
    }
}

/// Builds the database, serves it, loads the story list and the largest story's page.
pub fn run(n: usize) -> anyhow::Result<(f64, Vec<Load>)> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("bench-http.db");
    let mut store = Store::open(&db)?;
    let cleaner = Cleaner::new();
    let extractor = vigie_extract::Extractor::new();
    let profiler = vigie_stories::Profiler::new();
    let mut assigner = Assigner::new(&extractor, &profiler, false);
    let start = Instant::now();
    for a in Stream::new().take(n) {
        let title = a.text.split(". ").next().map(str::to_string);
        let doc = Document {
            id: a.id.clone(),
            origin: "synthetic".into(),
            title,
            lang: Some(a.lang.into()),
            published: Some(PublishedDate::day(a.day, DateOrigin::Metadata)),
            text: a.text,
            ..Document::default()
        };
        let article = cleaner.clean(doc)?;
        let entities = extractor.story_entities(&article);
        let json = serde_json::to_value(&entities)?;
        let added = store.add_with(&article, Some(&Derived { figures: &extractor.figures(&article), entities: &json }))?;
        let mut profile = profiler.profile(&article, &entities);
        profile.article = article.id.clone();
        if let Added::New { id, duplicate_of } = &added {
            profile.duplicate_of = duplicate_of.as_ref().map(|(d, _)| d.clone());
            assigner.push(profile, id);
        }
        if assigner.pending() >= 2_000 {
            assigner.flush(&mut store)?;
        }
    }
    assigner.finish(&mut store)?;
    drop(store);
    let build = start.elapsed().as_secs_f64();
    eprintln!("http: {n} articles stored, with figures and stories, in {build:.0} s");
    let running = start_server(&db)?;
    // The largest story (the heaviest page) and a story of median size (the usual page).
    let stories = Store::open(&db)?.stories()?;
    let largest = stories.first().map(|s| s.id.clone()).unwrap_or_default();
    let median = stories.get(stories.len() / 2).map(|s| s.id.clone()).unwrap_or_default();
    eprintln!(
        "http: {} stories; the largest has {} articles, the median {}",
        stories.len(),
        stories.first().map_or(0, |s| s.articles),
        stories.get(stories.len() / 2).map_or(0, |s| s.articles)
    );
    let paths = ["/api/stories?per_page=20".to_string(), format!("/api/stories/{median}"), format!("/api/stories/{largest}")];
    let mut loads: Vec<Load> = paths.iter().map(|p| load(&running.addr, p)).collect();
    // Again, while slow clients hold connections open: heads that never end, bodies that trickle.
    let slow = SlowClients::connect(&running.addr, SLOW_CLIENTS);
    for p in &paths {
        let mut l = load(&running.addr, p);
        l.path = format!("{p} (with {SLOW_CLIENTS} slow clients)");
        loads.push(l);
    }
    drop(slow);
    running.stop();
    Ok((build, loads))
}

fn start_server(db: &std::path::Path) -> anyhow::Result<vigie_serve::server::Running> {
    Ok(start(ServeConfig {
        db: db.to_path_buf(),
        addr: "127.0.0.1:0".into(),
        token: None,
        workers: 4,
        allow_hosts: Vec::new(),
        public: false,
    })?)
}
