//! Ground truth: what was planted, and an evaluator that scores findings against it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Whether a planted case must give a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// A violation: the detector must find it.
    Positive,
    /// A hard negative: lawful, though a careless detector would flag it.
    Negative,
}

/// The subject of a planted case (as in a finding's `subject`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Subject {
    /// `listing`, `merchant`, `platform`, …
    pub kind: String,
    /// Its id.
    pub id: String,
    /// Its platform.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub platform_id: Option<String>,
}

/// One planted case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TruthRow {
    /// Detector id.
    pub detector: String,
    /// `<detector>.<rule>`.
    pub rule: String,
    /// What it is about.
    pub subject: Subject,
    /// Positive or negative.
    pub label: Label,
    /// Why, in a sentence.
    pub why: String,
}

/// The truth file.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    /// Rows in planting order.
    pub rows: Vec<TruthRow>,
}

impl Truth {
    /// Adds a planted listing case.
    pub fn add(
        &mut self,
        detector: &str,
        rule: &str,
        platform: &str,
        listing: &str,
        label: Label,
        why: &str,
    ) {
        self.rows.push(TruthRow {
            detector: detector.into(),
            rule: rule.into(),
            subject: Subject {
                kind: "listing".into(),
                id: listing.into(),
                platform_id: Some(platform.into()),
            },
            label,
            why: why.into(),
        });
    }

    /// Adds a planted case about any kind of subject.
    #[allow(clippy::too_many_arguments)]
    pub fn add_subject(
        &mut self,
        detector: &str,
        rule: &str,
        kind: &str,
        platform: &str,
        id: &str,
        label: Label,
        why: &str,
    ) {
        self.rows.push(TruthRow {
            detector: detector.into(),
            rule: rule.into(),
            subject: Subject {
                kind: kind.into(),
                id: id.into(),
                platform_id: Some(platform.into()),
            },
            label,
            why: why.into(),
        });
    }

    /// Adds a planted case about a platform.
    pub fn add_platform(
        &mut self,
        detector: &str,
        rule: &str,
        platform: &str,
        label: Label,
        why: &str,
    ) {
        self.rows.push(TruthRow {
            detector: detector.into(),
            rule: rule.into(),
            subject: Subject {
                kind: "platform".into(),
                id: platform.into(),
                platform_id: None,
            },
            label,
            why: why.into(),
        });
    }

    /// Adds a planted case about a subject without a platform (a person, an address).
    pub fn add_global(
        &mut self,
        detector: &str,
        rule: &str,
        kind: &str,
        id: &str,
        label: Label,
        why: &str,
    ) {
        self.rows.push(TruthRow {
            detector: detector.into(),
            rule: rule.into(),
            subject: Subject {
                kind: kind.into(),
                id: id.into(),
                platform_id: None,
            },
            label,
            why: why.into(),
        });
    }

    /// Adds a planted case about a person (pid).
    pub fn add_person(&mut self, detector: &str, rule: &str, pid: &str, label: Label, why: &str) {
        self.add_global(detector, rule, "person", pid, label, why);
    }

    /// As JSON Lines, sorted by detector, rule and subject.
    pub fn to_jsonl(&self) -> String {
        let mut rows = self.rows.clone();
        rows.sort_by(|a, b| {
            (&a.detector, &a.rule, &a.subject).cmp(&(&b.detector, &b.rule, &b.subject))
        });
        rows.iter()
            .map(|r| serde_json::to_string(r).unwrap_or_default() + "\n")
            .collect()
    }
}

/// A finding as read for evaluation (the fields that matter).
#[derive(Debug, Clone, Deserialize)]
pub struct FindingRef {
    /// Detector id.
    pub detector: String,
    /// Rule.
    pub rule: String,
    /// Subject.
    pub subject: Subject,
}

/// Scores of one rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    /// Detector id.
    pub detector: String,
    /// Rule.
    pub rule: String,
    /// Planted positives found.
    pub true_positives: usize,
    /// Findings on planted negatives or on subjects nothing was planted on.
    pub false_positives: usize,
    /// Planted positives missed.
    pub false_negatives: usize,
    /// TP / (TP + FP); 1 when there are no findings.
    pub precision: f64,
    /// TP / (TP + FN); 1 when nothing was planted.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// The missed subjects.
    pub misses: Vec<Subject>,
    /// The false alarms.
    pub false_alarms: Vec<Subject>,
}

/// Scores findings against the truth, per rule (every rule in either).
pub fn evaluate(truth: &[TruthRow], findings: &[FindingRef]) -> Vec<Score> {
    // Per rule: planted positives, planted negatives, findings.
    type Sets = (BTreeSet<Subject>, BTreeSet<Subject>, BTreeSet<Subject>);
    let mut rules: BTreeMap<(String, String), Sets> = BTreeMap::new();
    for t in truth {
        let entry = rules
            .entry((t.detector.clone(), t.rule.clone()))
            .or_default();
        match t.label {
            Label::Positive => entry.0.insert(t.subject.clone()),
            Label::Negative => entry.1.insert(t.subject.clone()),
        };
    }
    for f in findings {
        rules
            .entry((f.detector.clone(), f.rule.clone()))
            .or_default()
            .2
            .insert(f.subject.clone());
    }
    rules
        .into_iter()
        .map(|((detector, rule), (pos, _neg, found))| {
            let tp = found.intersection(&pos).count();
            let false_alarms: Vec<Subject> = found.difference(&pos).cloned().collect();
            let misses: Vec<Subject> = pos.difference(&found).cloned().collect();
            let (fp, fn_) = (false_alarms.len(), misses.len());
            let precision = if tp + fp == 0 {
                1.0
            } else {
                tp as f64 / (tp + fp) as f64
            };
            let recall = if tp + fn_ == 0 {
                1.0
            } else {
                tp as f64 / (tp + fn_) as f64
            };
            let f1 = if precision + recall == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            Score {
                detector,
                rule,
                true_positives: tp,
                false_positives: fp,
                false_negatives: fn_,
                precision,
                recall,
                f1,
                misses,
                false_alarms,
            }
        })
        .collect()
}

/// Which planted cases to score.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every planted case.
    #[default]
    All,
    /// Only one held-out set (`why` starting with `<set>: `, e.g. `holdout: `, `holdout2: `, `holdout3: `);
    /// findings on subjects planted only by other sets (under any rule) are left out, and so are
    /// findings on a platform only other sets (or the background) plant on; findings on subjects
    /// and platforms nothing was planted on still count as false alarms in every set.
    Holdout(String),
}

/// Scores findings (JSON Lines, one finding a line) against a truth file's text, keeping only
/// `detectors` when any are given. Blank lines are skipped.
pub fn evaluate_jsonl(
    truth: &str,
    findings: &[String],
    detectors: &[String],
) -> Result<Vec<Score>, serde_json::Error> {
    evaluate_jsonl_in(truth, findings, detectors, Scope::All)
}

/// [`evaluate_jsonl`] over a [`Scope`].
pub fn evaluate_jsonl_in(
    truth: &str,
    findings: &[String],
    detectors: &[String],
    scope: Scope,
) -> Result<Vec<Score>, serde_json::Error> {
    let keep = |d: &str| detectors.is_empty() || detectors.iter().any(|x| x == d);
    let truth_rows: Vec<TruthRow> = truth
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<Vec<TruthRow>, _>>()?
        .into_iter()
        .filter(|t| keep(&t.detector))
        .collect();
    let (truth_rows, elsewhere): (Vec<TruthRow>, Vec<TruthRow>) =
        truth_rows.into_iter().partition(|t| match &scope {
            Scope::All => true,
            Scope::Holdout(set) => t.why.starts_with(&format!("{set}: ")),
        });
    // A subject planted only by another set belongs to that set: a finding on it under any rule
    // is that set's business (scored there or nowhere), not a false alarm of this one.
    let here: BTreeSet<&Subject> = truth_rows.iter().map(|t| &t.subject).collect();
    let theirs: BTreeSet<Subject> = elsewhere
        .iter()
        .filter(|t| !here.contains(&t.subject))
        .map(|t| t.subject.clone())
        .collect();
    // Likewise a platform only other sets plant on: an unlabelled subject there (a listing of a
    // shop another set planted) is that set's false alarm, not this one's.
    let platform_of = |s: &Subject| -> Option<String> {
        match (&s.platform_id, s.kind.as_str()) {
            (Some(p), _) => Some(p.clone()),
            (None, "platform") => Some(s.id.clone()),
            _ => None,
        }
    };
    let here_platforms: BTreeSet<String> = truth_rows
        .iter()
        .filter_map(|t| platform_of(&t.subject))
        .collect();
    let their_platforms: BTreeSet<String> = match &scope {
        Scope::All => BTreeSet::new(),
        Scope::Holdout(_) => elsewhere
            .iter()
            .filter_map(|t| platform_of(&t.subject))
            .filter(|p| !here_platforms.contains(p))
            .collect(),
    };
    let elsewhere: BTreeSet<(String, String, Subject)> = elsewhere
        .into_iter()
        .map(|t| (t.detector, t.rule, t.subject))
        .collect();
    let found: Vec<FindingRef> = findings
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l))
        .collect::<Result<Vec<FindingRef>, _>>()?
        .into_iter()
        .filter(|f| keep(&f.detector))
        .filter(|f| !elsewhere.contains(&(f.detector.clone(), f.rule.clone(), f.subject.clone())))
        .filter(|f| !theirs.contains(&f.subject))
        .filter(|f| platform_of(&f.subject).is_none_or(|p| !their_platforms.contains(&p)))
        .collect();
    Ok(evaluate(&truth_rows, &found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(id: &str) -> Subject {
        Subject {
            kind: "listing".into(),
            id: id.into(),
            platform_id: Some("p".into()),
        }
    }

    #[test]
    fn a_holdout_set_is_not_charged_with_false_alarms_on_another_sets_subjects() {
        let row = |rule: &str, id: &str, label: &str, why: &str| {
            format!(
                r#"{{"detector":"d","rule":"{rule}","subject":{{"kind":"listing","id":"{id}","platform_id":"p"}},"label":"{label}","why":"{why}"}}"#
            )
        };
        let truth = [
            row("d.a", "x1", "positive", "setx: planted"),
            row("d.b", "y1", "positive", "sety: planted"),
        ]
        .join("\n");
        let finding = |rule: &str, id: &str| {
            format!(
                r#"{{"detector":"d","rule":"{rule}","subject":{{"kind":"listing","id":"{id}","platform_id":"p"}}}}"#
            )
        };
        // y1 flagged under d.a (a rule set y never labelled), and z9 that nothing planted.
        let found = vec![
            finding("d.a", "x1"),
            finding("d.a", "y1"),
            finding("d.a", "z9"),
        ];
        let only_x = evaluate_jsonl_in(&truth, &found, &[], Scope::Holdout("setx".into())).unwrap();
        let a = only_x.iter().find(|s| s.rule == "d.a").unwrap();
        assert_eq!(
            (a.true_positives, a.false_positives, a.false_negatives),
            (1, 1, 0)
        );
        assert_eq!(a.false_alarms, vec![subject("z9")]);
        let all = evaluate_jsonl_in(&truth, &found, &[], Scope::All).unwrap();
        let a = all.iter().find(|s| s.rule == "d.a").unwrap();
        assert_eq!((a.true_positives, a.false_positives), (1, 2));
    }

    #[test]
    fn an_unlabelled_subject_on_another_sets_platform_is_that_sets_false_alarm() {
        let row = |id: &str, platform: &str, why: &str| {
            format!(
                r#"{{"detector":"d","rule":"d.a","subject":{{"kind":"listing","id":"{id}","platform_id":"{platform}"}},"label":"positive","why":"{why}"}}"#
            )
        };
        let truth = [
            row("x1", "px", "setx: planted"),
            row("y1", "py", "sety: planted"),
            row("s1", "shared", "setx: planted"),
            row("s2", "shared", "sety: planted"),
        ]
        .join("\n");
        let finding = |id: &str, platform: &str| {
            format!(
                r#"{{"detector":"d","rule":"d.a","subject":{{"kind":"listing","id":"{id}","platform_id":"{platform}"}}}}"#
            )
        };
        // Unlabelled listings: one on set y's own platform, one on a platform both sets use, one
        // on a platform nobody planted on.
        let found = vec![
            finding("x1", "px"),
            finding("y9", "py"),
            finding("s9", "shared"),
            finding("z9", "pz"),
        ];
        let only_x = evaluate_jsonl_in(&truth, &found, &[], Scope::Holdout("setx".into())).unwrap();
        let a = only_x.iter().find(|s| s.rule == "d.a").unwrap();
        assert_eq!(a.false_positives, 2, "{:?}", a.false_alarms);
        let alarms: Vec<&str> = a.false_alarms.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(alarms, vec!["s9", "z9"], "y9 is set y's, not x's");
        let only_y = evaluate_jsonl_in(&truth, &found, &[], Scope::Holdout("sety".into())).unwrap();
        let a = only_y.iter().find(|s| s.rule == "d.a").unwrap();
        let alarms: Vec<&str> = a.false_alarms.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(alarms, vec!["s9", "y9", "z9"]);
        // The whole city counts them all.
        let all = evaluate_jsonl_in(&truth, &found, &[], Scope::All).unwrap();
        let a = all.iter().find(|s| s.rule == "d.a").unwrap();
        assert_eq!(a.false_positives, 3);
    }

    #[test]
    fn scores_count_misses_and_false_alarms() {
        let mut truth = Truth::default();
        truth.add("d", "d.r", "p", "a", Label::Positive, "");
        truth.add("d", "d.r", "p", "b", Label::Positive, "");
        truth.add("d", "d.r", "p", "c", Label::Negative, "");
        let found = |id: &str| FindingRef {
            detector: "d".into(),
            rule: "d.r".into(),
            subject: subject(id),
        };
        let scores = evaluate(&truth.rows, &[found("a"), found("c"), found("z")]);
        assert_eq!(scores.len(), 1);
        let s = &scores[0];
        assert_eq!(
            (s.true_positives, s.false_positives, s.false_negatives),
            (1, 2, 1)
        );
        assert!((s.precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        assert_eq!(s.misses, vec![subject("b")]);
    }
}
