//! Reconciliation: a story's figures become claims, ordered in time, with
//! what each change means and a low / best / high per metric and group.
//!
//! A claim is what one source said: (source, metric, group, value,
//! qualifier, day, scope). Ten outlets restating it are ten reports of one
//! claim; near-copies of one article count once as independent reports.
//! Within a series (metric and group, this story's scope) each claim is
//! compared with the latest earlier claim: the same source moving up is an
//! update, moving down a correction; another source with another value on
//! the same day is a conflict.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use vigie_model::{Figure, Group, Metric, Qualifier};

/// What reconciliation needs to know of an article.
#[derive(Clone, Debug)]
pub struct ArticleInfo {
    pub id: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The article this one nearly copies.
    pub duplicate_of: Option<String>,
}

/// What a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// A count of this story's event.
    Story,
    /// A feared or projected number, not a count.
    Estimate,
    /// An earlier toll quoted as history.
    Previous,
    /// Another event (an earlier earthquake, the whole war).
    OtherEvent,
    /// A link to another article.
    Related,
    /// A share of another count of the same people: a province's deaths
    /// within the national toll. It is checked against that count, not
    /// reconciled with it.
    Part,
}

impl Scope {
    fn of(note: Option<&str>) -> Scope {
        match note {
            Some("estimate") => Scope::Estimate,
            Some("previous toll") => Scope::Previous,
            Some("other event") => Scope::OtherEvent,
            Some("related article link") => Scope::Related,
            _ => Scope::Story,
        }
    }
}

/// How a claim relates to the claim before it in its series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    First,
    /// The same value again, from another source or day.
    Same,
    /// The same source, later, higher.
    Update,
    /// The same source lowers its count.
    Correction,
    /// Another source, the same day, another value.
    Conflict,
    /// Another source, another day.
    NewSource,
}

/// One outlet's restatement of a claim.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub article: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub quote: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    pub source: Option<String>,
    pub metric: Metric,
    pub group: Group,
    pub value: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    pub as_of: Option<NaiveDate>,
    /// `as_of` was worked out from the source's other counts, not stated (see [`infer_days`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub as_of_inferred: bool,
    pub scope: Scope,
    pub reports: Vec<Report>,
    /// Reports from distinct articles, near-copies counted once.
    pub independent: usize,
    /// Set for claims of this story's scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// A value chosen for low, best or high, with why and from what.
#[derive(Clone, Debug, Serialize)]
pub struct Pick {
    pub value: u64,
    pub rule: &'static str,
    /// Indexes into the report's claims.
    pub claims: Vec<usize>,
}

/// The headline numbers of one metric and group.
#[derive(Clone, Debug, Serialize)]
pub struct Estimate {
    pub metric: Metric,
    pub group: Group,
    pub latest: Pick,
    pub as_of: Option<NaiveDate>,
    pub low: Pick,
    pub best: Pick,
    pub high: Pick,
}

/// A total against the sum of its parts.
#[derive(Clone, Debug, Serialize)]
pub struct BreakdownCheck {
    pub article: String,
    pub total: usize,
    pub parts: Vec<usize>,
    pub sum: u64,
    pub consistent: bool,
}

/// One day of a series: the claims made that day, in order.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineDay {
    pub metric: Metric,
    pub group: Group,
    pub day: Option<NaiveDate>,
    pub claims: Vec<usize>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Reconciled {
    pub claims: Vec<Claim>,
    pub estimates: Vec<Estimate>,
    pub timeline: Vec<TimelineDay>,
    pub breakdowns: Vec<BreakdownCheck>,
    /// Claims (indexes) in conflict with an earlier one.
    pub conflicts: Vec<usize>,
}

type ClaimKey = (Option<String>, Metric, Group, u64, Option<u64>, Qualifier, Option<NaiveDate>, Scope);

/// Reconciles the figures of one story's articles.
pub fn reconcile(articles: &[ArticleInfo], figures: &[Figure]) -> Reconciled {
    let info: HashMap<&str, &ArticleInfo> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut index: HashMap<ClaimKey, usize> = HashMap::new();
    let mut claims: Vec<Claim> = Vec::new();
    // Where each figure went, per article, for breakdowns.
    let mut claim_of: HashMap<(&str, usize), usize> = HashMap::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    let mut of_article: HashMap<&str, Vec<&Figure>> = HashMap::new();
    for f in figures {
        of_article.entry(f.article.as_str()).or_default().push(f);
    }
    for f in figures {
        let n = position.entry(f.article.as_str()).or_insert(0);
        let total = f.part_of.and_then(|t| of_article[f.article.as_str()].get(t));
        let scope = match Scope::of(f.note.as_deref()) {
            Scope::Story if total.is_some_and(|t| t.group == f.group && t.metric == f.metric) => Scope::Part,
            scope => scope,
        };
        let key: ClaimKey = (f.source_id.clone(), f.metric, f.group, f.value, f.high, f.qualifier, f.as_of, scope);
        let i = *index.entry(key).or_insert_with(|| {
            claims.push(Claim {
                source: f.source.clone(),
                metric: f.metric,
                group: f.group,
                value: f.value,
                high: f.high,
                qualifier: f.qualifier,
                as_of: f.as_of,
                as_of_inferred: false,
                scope,
                reports: Vec::new(),
                independent: 0,
                change: None,
            });
            claims.len() - 1
        });
        let article = info.get(f.article.as_str());
        claims[i].reports.push(Report {
            article: f.article.clone(),
            outlet: article.and_then(|a| a.outlet.clone()),
            url: article.and_then(|a| a.url.clone()),
            quote: f.quote.clone(),
            start: f.start,
            end: f.end,
        });
        claim_of.insert((f.article.as_str(), *n), i);
        *n += 1;
    }
    for c in &mut claims {
        let originals: HashSet<&str> =
            c.reports.iter().map(|r| info.get(r.article.as_str()).and_then(|a| a.duplicate_of.as_deref()).unwrap_or(&r.article)).collect();
        c.independent = originals.len();
    }

    let breakdowns = breakdowns(figures, &claim_of, &claims);
    infer_days(&mut claims);
    let (timeline, conflicts) = classify(&mut claims);
    let estimates = estimates(&claims);
    Reconciled { claims, estimates, timeline, breakdowns, conflicts }
}

/// Dates undated counts from the same source's dated ones. A source's count
/// only grows, so an undated count lies between the source's dated counts
/// just below and just above it: when both are of one day, so is it. The
/// same count dated elsewhere gives its day too.
fn infer_days(claims: &mut [Claim]) {
    let dated: Vec<(Option<String>, Metric, Group, u64, NaiveDate)> = claims
        .iter()
        .filter(|c| c.scope == Scope::Story && c.source.is_some())
        .filter_map(|c| Some((c.source.clone(), c.metric, c.group, c.value, c.as_of?)))
        .collect();
    for c in claims.iter_mut().filter(|c| c.as_of.is_none() && c.scope == Scope::Story && c.source.is_some()) {
        let same_series = dated.iter().filter(|d| d.0 == c.source && d.1 == c.metric && d.2 == c.group);
        let equal: HashSet<NaiveDate> = same_series.clone().filter(|d| d.3 == c.value).map(|d| d.4).collect();
        let below = same_series.clone().filter(|d| d.3 < c.value).max_by_key(|d| (d.3, d.4));
        let above = same_series.clone().filter(|d| d.3 > c.value).min_by_key(|d| (d.3, std::cmp::Reverse(d.4)));
        let day = match (equal.len(), below, above) {
            (1, _, _) => equal.into_iter().next(),
            (0, Some(b), Some(a)) if b.4 == a.4 => Some(b.4),
            _ => None,
        };
        if day.is_some() {
            c.as_of = day;
            c.as_of_inferred = true;
        }
    }
}

/// Totals against their parts ("311 = 183 + 100 + 28"), per article.
fn breakdowns(figures: &[Figure], claim_of: &HashMap<(&str, usize), usize>, claims: &[Claim]) -> Vec<BreakdownCheck> {
    let mut parts: BTreeMap<(&str, usize), Vec<usize>> = BTreeMap::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for f in figures {
        let n = position.entry(f.article.as_str()).or_insert(0);
        if let (Some(total), Some(&part)) = (f.part_of, claim_of.get(&(f.article.as_str(), *n))) {
            parts.entry((f.article.as_str(), total)).or_default().push(part);
        }
        *n += 1;
    }
    parts
        .into_iter()
        .filter_map(|((article, total), parts)| {
            let total = *claim_of.get(&(article, total))?;
            let sum = parts.iter().map(|&p| claims[p].value).sum::<u64>();
            // Parts by group must add up; a sum above the total is wrong whatever the parts are.
            let by_group = parts.iter().all(|&p| claims[p].group != Group::Total);
            let value = claims[total].value;
            let consistent = if by_group && claims[total].qualifier == Qualifier::Exact { sum == value } else { sum <= value };
            Some(BreakdownCheck { article: article.to_string(), total, parts, sum, consistent })
        })
        .collect()
}

/// Orders each series in time and says what each change is; returns the timeline and the conflicts.
fn classify(claims: &mut [Claim]) -> (Vec<TimelineDay>, Vec<usize>) {
    let mut series: BTreeMap<(Metric, Group), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| c.scope == Scope::Story) {
        series.entry((c.metric, c.group)).or_default().push(i);
    }
    let mut timeline = Vec::new();
    let mut conflicts = Vec::new();
    for ((metric, group), mut members) in series {
        // Undated claims last; within a day, smaller counts first (tolls grow).
        members.sort_by_key(|&i| (claims[i].as_of.is_none(), claims[i].as_of, claims[i].value));
        let mut reference_of: HashMap<NaiveDate, usize> = HashMap::new();
        for &j in &members {
            if let Some(d) = claims[j].as_of {
                let r = reference_of.entry(d).or_insert(j);
                if (claims[j].independent, j) > (claims[*r].independent, *r) {
                    *r = j;
                }
            }
        }
        let mut latest_by_source: HashMap<Option<String>, usize> = HashMap::new();
        let mut previous: Option<usize> = None;
        for &i in &members {
            let c = &claims[i];
            let change = match previous {
                None => Change::First,
                Some(p) if claims[p].value == c.value => Change::Same,
                Some(_) => match latest_by_source.get(&c.source) {
                    Some(&own) if c.source.is_some() && claims[own].value > c.value => Change::Correction,
                    Some(_) if c.source.is_some() => Change::Update,
                    _ => Change::NewSource,
                },
            };
            // The day's reference is its most reported claim (the later on a tie);
            // another source giving another value that day is in conflict with it.
            let reference = c.as_of.and_then(|d| reference_of.get(&d));
            let disputed = reference.is_some_and(|&r| claims[r].source != c.source && claims[r].value != c.value);
            let change = if disputed { Change::Conflict } else { change };
            if change == Change::Conflict {
                conflicts.push(i);
            }
            claims[i].change = Some(change);
            latest_by_source.insert(claims[i].source.clone(), i);
            previous = Some(i);
        }
        for &i in &members {
            match timeline.last_mut() {
                Some(TimelineDay { metric: m, group: g, day, claims: day_claims })
                    if *m == metric && *g == group && *day == claims[i].as_of =>
                {
                    day_claims.push(i)
                }
                _ => timeline.push(TimelineDay { metric, group, day: claims[i].as_of, claims: vec![i] }),
            }
        }
    }
    (timeline, conflicts)
}

/// Low, best and high per metric and group, from each source's latest dated claim.
fn estimates(claims: &[Claim]) -> Vec<Estimate> {
    let mut series: BTreeMap<(Metric, Group), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| matches!(c.scope, Scope::Story | Scope::Estimate)) {
        series.entry((c.metric, c.group)).or_default().push(i);
    }
    let mut out = Vec::new();
    for ((metric, group), members) in series {
        let counts: Vec<usize> = members.iter().copied().filter(|&i| claims[i].scope == Scope::Story).collect();
        if counts.is_empty() {
            continue;
        }
        let order = |&i: &usize| (claims[i].as_of, claims[i].value);
        let latest = *counts.iter().max_by_key(|i| order(i)).expect("non-empty");
        // Each source's latest count: older counts of a source are superseded by its own updates.
        let mut by_source: HashMap<&Option<String>, usize> = HashMap::new();
        for &i in &counts {
            let e = by_source.entry(&claims[i].source).or_insert(i);
            if order(&i) > order(e) {
                *e = i;
            }
        }
        let mut current: Vec<usize> = by_source.into_values().collect();
        current.sort_unstable();
        let low = *current.iter().min_by_key(|&&i| (claims[i].value, i)).expect("non-empty");
        // Best: the most independently reported of the current counts, the later on a tie.
        let best = *current.iter().max_by_key(|&&i| (claims[i].independent, order(&i))).expect("non-empty");
        let feared: Vec<usize> = members.iter().copied().filter(|&i| claims[i].scope == Scope::Estimate).collect();
        let high_count = *current.iter().max_by_key(|&&i| (claims[i].high.unwrap_or(claims[i].value), i)).expect("non-empty");
        let high_feared = feared.iter().copied().max_by_key(|&i| claims[i].value).filter(|&i| claims[i].value > claims[high_count].value);
        let pick = |i: usize, rule: &'static str| Pick { value: claims[i].value, rule, claims: vec![i] };
        out.push(Estimate {
            metric,
            group,
            latest: pick(latest, "the latest dated count, the larger on the same day"),
            as_of: claims[latest].as_of,
            low: pick(low, "the lowest of each source's latest count"),
            best: pick(best, "the latest count reported by the most independent articles"),
            high: match high_feared {
                Some(i) => Pick { value: claims[i].value, rule: "a feared estimate above every count", claims: vec![i] },
                None => Pick {
                    value: claims[high_count].high.unwrap_or(claims[high_count].value),
                    rule: "the highest of each source's latest count",
                    claims: vec![high_count],
                },
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(article: &str, value: u64, group: Group, source: Option<&str>, day: &str) -> Figure {
        Figure {
            article: article.into(),
            metric: Metric::Killed,
            value,
            high: None,
            qualifier: Qualifier::AtLeast,
            group,
            cause: None,
            source: source.map(Into::into),
            source_id: source.map(|s| s.to_lowercase()),
            source_org: None,
            source_text: None,
            source_start: None,
            source_end: None,
            place: None,
            as_of: day.parse().ok(),
            as_of_precision: None,
            as_of_origin: None,
            quote: format!("{value} morts"),
            start: 0,
            end: 0,
            lang: Some("fr".into()),
            part_of: None,
            note: None,
        }
    }

    fn article(id: &str, duplicate_of: Option<&str>) -> ArticleInfo {
        ArticleInfo { id: id.into(), outlet: Some(format!("{id}.example")), url: None, duplicate_of: duplicate_of.map(Into::into) }
    }

    #[test]
    fn one_claim_many_reports_and_updates() {
        let articles = [article("a", None), article("b", None), article("c", Some("b")), article("d", None)];
        let figures = [
            figure("a", 23, Group::Total, Some("OVK"), "2025-03-21"),
            figure("b", 87, Group::Total, Some("OVK"), "2025-03-22"),
            figure("c", 87, Group::Total, Some("OVK"), "2025-03-22"),
            figure("d", 87, Group::Total, Some("OVK"), "2025-03-22"),
            figure("d", 40, Group::Total, Some("army"), "2025-03-22"),
        ];
        let r = reconcile(&articles, &figures);
        assert_eq!(r.claims.len(), 3);
        let c87 = r.claims.iter().position(|c| c.value == 87).unwrap();
        assert_eq!(r.claims[c87].reports.len(), 3);
        assert_eq!(r.claims[c87].independent, 2, "c copies b");
        assert_eq!(r.claims[c87].change, Some(Change::Update));
        let army = r.claims.iter().position(|c| c.value == 40).unwrap();
        assert_eq!(r.claims[army].change, Some(Change::Conflict));
        assert_eq!(r.conflicts, [army]);
        let e = &r.estimates[0];
        assert_eq!((e.low.value, e.best.value, e.high.value, e.latest.value), (40, 87, 87, 87));
        assert_eq!(r.timeline.len(), 2, "two days");
    }

    #[test]
    fn a_source_lowering_its_count_is_a_correction() {
        let articles = [article("a", None), article("b", None)];
        let figures =
            [figure("a", 30, Group::Total, Some("AFAD"), "2025-03-10"), figure("b", 29, Group::Total, Some("AFAD"), "2025-03-11")];
        let r = reconcile(&articles, &figures);
        assert_eq!(r.claims[1].change, Some(Change::Correction));
    }

    #[test]
    fn parts_must_add_up_to_their_total() {
        let articles = [article("a", None)];
        let mut figures = vec![
            figure("a", 311, Group::Total, Some("OSDH"), "2024-11-30"),
            figure("a", 183, Group::Fighters, Some("OSDH"), "2024-11-30"),
            figure("a", 100, Group::Soldiers, Some("OSDH"), "2024-11-30"),
            figure("a", 28, Group::Civilians, Some("OSDH"), "2024-11-30"),
        ];
        figures[0].qualifier = Qualifier::Exact;
        for f in &mut figures[1..] {
            f.part_of = Some(0);
        }
        let r = reconcile(&articles, &figures);
        assert_eq!(r.breakdowns.len(), 1);
        assert!(r.breakdowns[0].consistent);
        figures[3].value = 38;
        let r = reconcile(&articles, &figures);
        assert!(!r.breakdowns[0].consistent, "183 + 100 + 38 is not 311");
    }

    #[test]
    fn a_province_share_is_a_part_not_a_lower_toll() {
        let articles = [article("a", None)];
        let mut figures = vec![
            figure("a", 64, Group::Total, Some("interior ministry"), "2025-03-16"),
            figure("a", 48, Group::Total, Some("interior ministry"), "2025-03-16"),
            figure("a", 16, Group::Total, Some("interior ministry"), "2025-03-16"),
        ];
        for f in &mut figures[1..] {
            f.part_of = Some(0);
        }
        let r = reconcile(&articles, &figures);
        assert_eq!(r.claims.iter().map(|c| c.scope).collect::<Vec<_>>(), [Scope::Story, Scope::Part, Scope::Part]);
        assert!(r.conflicts.is_empty(), "48 in one province does not contradict 64 in all");
        assert_eq!(r.estimates[0].latest.value, 64);
        assert!(r.breakdowns[0].consistent);
    }

    #[test]
    fn an_undated_count_between_two_counts_of_one_day_is_of_that_day() {
        let articles = [article("a", None), article("b", None), article("c", None)];
        let figures = [
            figure("a", 296, Group::Total, Some("ministry"), "2023-09-09"),
            figure("b", 632, Group::Total, Some("ministry"), ""),
            figure("c", 1037, Group::Total, Some("ministry"), "2023-09-09"),
            figure("c", 2946, Group::Total, Some("ministry"), ""),
        ];
        let r = reconcile(&articles, &figures);
        let day = |v: u64| r.claims.iter().find(|c| c.value == v).map(|c| (c.as_of, c.as_of_inferred)).unwrap();
        assert_eq!(day(632), ("2023-09-09".parse().ok(), true));
        assert_eq!(day(2946), (None, false), "above every dated count: the day is unknown");
    }

    #[test]
    fn feared_estimates_raise_only_the_high() {
        let articles = [article("a", None)];
        let mut feared = figure("a", 1000, Group::Total, Some("prefect of Mayotte"), "2024-12-15");
        feared.note = Some("estimate".into());
        let r = reconcile(&articles, &[figure("a", 22, Group::Total, Some("French interior ministry"), "2024-12-16"), feared]);
        let e = &r.estimates[0];
        assert_eq!((e.low.value, e.best.value, e.high.value), (22, 22, 1000));
    }
}
