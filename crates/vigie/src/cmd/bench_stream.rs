//! `vigie bench --stream N`: groups a synthetic stream of N articles into
//! stories, to measure grouping speed and memory at a scale no corpus here
//! has. Events (floods, earthquakes, offensives, storms) start every day in
//! real places from the gazetteer; each is reported for a few days by
//! articles in French, English and Spanish written from our own templates.

use std::time::Instant;
use vigie_extract::Extractor;
use vigie_lang::world::{gazetteer, PlaceKind};
use vigie_stories::{Config, Grouper, Profiler};

/// Templates by language and kind of event: {place}, {n}, {name}, {day}.
const TEMPLATES: &[(&str, &str, &str)] = &[
    ("fr", "flood", "Inondations à {place} : au moins {n} morts. Les pluies torrentielles ont submergé {place} {day}, selon la préfecture. Le maire {name} appelle à la prudence et les secours cherchent encore des disparus."),
    ("en", "flood", "Floods in {place} kill at least {n}. Torrential rain submerged {place} {day}, officials said. Mayor {name} urged residents to stay indoors as rescuers searched for the missing."),
    ("es", "flood", "Inundaciones en {place}: al menos {n} muertos. Las lluvias torrenciales anegaron {place} {day}, según las autoridades. El alcalde {name} pidió prudencia mientras continúa la búsqueda de desaparecidos."),
    ("fr", "earthquake", "Séisme près de {place} : le bilan atteint {n} morts. La secousse de magnitude 6 a frappé {place} {day}. Le sismologue {name} redoute de nouvelles répliques."),
    ("en", "earthquake", "Earthquake near {place}: death toll reaches {n}. The magnitude 6 quake struck {place} {day}. Seismologist {name} warned of further aftershocks."),
    ("es", "earthquake", "Terremoto cerca de {place}: el balance llega a {n} muertos. El sismo de magnitud 6 sacudió {place} {day}. El sismólogo {name} advierte de nuevas réplicas."),
    ("fr", "conflict", "Offensive autour de {place} : {n} morts selon une ONG. Les combats entre l'armée et les rebelles de {name} se poursuivent {day} aux portes de {place}."),
    ("en", "conflict", "Offensive around {place}: {n} killed, a monitor says. Fighting between the army and {name} rebels went on {day} at the gates of {place}."),
    ("es", "conflict", "Ofensiva en torno a {place}: {n} muertos según una ONG. Los combates entre el ejército y los rebeldes de {name} continúan {day} a las puertas de {place}."),
    ("fr", "storm", "Le cyclone {name} frappe {place} : {n} morts. Des rafales violentes ont balayé {place} {day}, les habitants sont privés d'électricité."),
    ("en", "storm", "Cyclone {name} hits {place}: {n} dead. Violent gusts swept {place} {day}, leaving residents without power."),
    ("es", "storm", "El ciclón {name} azota {place}: {n} muertos. Fuertes rachas barrieron {place} {day} y dejaron a los vecinos sin luz."),
];
const KINDS: [&str; 4] = ["flood", "earthquake", "conflict", "storm"];
const LANGS: [&str; 3] = ["fr", "en", "es"];
const SYLLABLES: [&str; 16] = ["ka", "lo", "mi", "ra", "ten", "vo", "su", "ban", "dre", "li", "mar", "no", "pe", "qui", "zo", "tal"];

/// A small deterministic generator (xorshift64*), so every run is the same stream.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Event {
    kind: &'static str,
    place: String,
    name: String,
    start: chrono::NaiveDate,
    days: i64,
    toll: u64,
}

/// One synthetic article.
pub struct Synthetic {
    pub id: String,
    pub lang: &'static str,
    pub day: chrono::NaiveDate,
    pub text: String,
}

/// The synthetic stream: about 300 new events a day, each reported for 1
/// to 10 days by about two articles a day, in time order.
pub struct Stream {
    cities: Vec<String>,
    rng: Rng,
    day0: chrono::NaiveDate,
    day: i64,
    active: Vec<Event>,
    /// Articles still to write today: (event index, language).
    today: Vec<(usize, &'static str)>,
    pub events: usize,
    produced: usize,
}

impl Stream {
    pub fn new() -> Stream {
        let cities = gazetteer().places().iter().filter(|p| p.kind == PlaceKind::City).map(|p| p.name.to_string()).take(20_000).collect();
        let day0 = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("valid date");
        Stream { cities, rng: Rng(0x9E37_79B9_7F4A_7C15), day0, day: -1, active: Vec::new(), today: Vec::new(), events: 0, produced: 0 }
    }

    fn next_day(&mut self) {
        self.day += 1;
        let today = self.day0 + chrono::Duration::days(self.day);
        self.active.retain(|e| (today - e.start).num_days() < e.days);
        for _ in 0..300 {
            let name: String = (0..3).map(|_| SYLLABLES[self.rng.below(SYLLABLES.len())]).collect();
            self.active.push(Event {
                kind: KINDS[self.rng.below(KINDS.len())],
                place: self.cities[self.rng.below(self.cities.len())].clone(),
                name: name[..1].to_uppercase() + &name[1..],
                start: today,
                days: 1 + self.rng.below(10) as i64,
                toll: 1 + self.rng.below(50) as u64,
            });
            self.events += 1;
        }
        self.today = (0..self.active.len()).flat_map(|e| [e, e]).map(|e| (e, LANGS[self.rng.below(LANGS.len())])).rev().collect();
    }
}

impl Iterator for Stream {
    type Item = Synthetic;

    fn next(&mut self) -> Option<Synthetic> {
        while self.today.is_empty() {
            self.next_day();
        }
        let (e, lang) = self.today.pop()?;
        let day = self.day0 + chrono::Duration::days(self.day);
        let bump = self.rng.below(5) as u64;
        let event = &mut self.active[e];
        event.toll += bump;
        let template =
            TEMPLATES.iter().find(|(l, k, _)| *l == lang && *k == event.kind).map(|t| t.2).expect("a template per language and kind");
        let text = template
            .replace("{place}", &event.place)
            .replace("{n}", &event.toll.to_string())
            .replace("{name}", &event.name)
            .replace("{day}", &day.format("%d/%m").to_string());
        let id = format!("s{}", self.produced);
        self.produced += 1;
        Some(Synthetic { id, lang, day, text })
    }
}

/// What the stream measured.
pub struct StreamMeasure {
    pub articles: usize,
    pub events: usize,
    pub stories: usize,
    pub seconds: f64,
    pub open_stories_at_end: usize,
}

/// Groups `n` synthetic articles; `sample` is called with the article count as it goes (for memory).
pub fn run(n: usize, mut sample: impl FnMut(usize)) -> StreamMeasure {
    let extractor = Extractor::new();
    let profiler = Profiler::new();
    let mut grouper = Grouper::new(Config::default());
    let mut stream = Stream::new();
    let mut stories = 0;
    let start = Instant::now();
    for (done, a) in stream.by_ref().take(n).enumerate() {
        let entities = extractor.story_entities_in(a.lang, &a.text);
        let profile = profiler.profile_text(&a.id, Some(a.lang), Some(a.day), &a.text, &entities);
        // A new story takes the id of its first article.
        stories += (grouper.assign(&profile, false) == a.id) as usize;
        if (done + 1) % 10_000 == 0 {
            sample(done + 1);
        }
    }
    StreamMeasure {
        articles: n,
        events: stream.events,
        stories,
        seconds: start.elapsed().as_secs_f64(),
        open_stories_at_end: grouper.open_stories(),
    }
}
