//! Patterns that are a sequence of ASCII character-class runs (`[a-z0-9_]+`, `[0-9]{5}`,
//! `[A-Z]{2}-[0-9]{4}`) are compiled into byte-set checks instead of a regex: no regex to
//! build at first use and a single pass over the bytes at run time.
//!
//! The plan is exact only when no byte can belong to two runs: the classes are pairwise
//! disjoint, so a greedy left-to-right scan finds the only possible split. Anything else
//! keeps the regex.

use regex_syntax::hir::{Class, Hir, HirKind};

use crate::ascii_set::AsciiSet;

/// One run: a byte of `set`, repeated `min..=max` times.
pub struct Run {
    pub set: AsciiSet,
    pub min: u32,
    pub max: Option<u32>,
}

/// The runs `pattern` is made of, when it is a run sequence with pairwise disjoint classes.
pub fn plan(pattern: &str) -> Option<Vec<Run>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut runs = Vec::new();
    collect(&hir, &mut runs)?;
    for (i, a) in runs.iter().enumerate() {
        if runs[i + 1..].iter().any(|b| a.set.intersects(b.set)) {
            return None;
        }
    }
    Some(runs)
}

/// The bytes all of `runs` admit.
pub fn admits(runs: &[Run]) -> AsciiSet {
    runs.iter()
        .fold(AsciiSet::EMPTY, |all, run| all.union(run.set))
}

fn collect(hir: &Hir, runs: &mut Vec<Run>) -> Option<()> {
    let once = |set| Run {
        set,
        min: 1,
        max: Some(1),
    };
    match hir.kind() {
        HirKind::Empty => Some(()),
        HirKind::Concat(items) => items.iter().try_for_each(|item| collect(item, runs)),
        HirKind::Capture(capture) => collect(&capture.sub, runs),
        HirKind::Literal(literal) => {
            for &b in literal.0.iter() {
                runs.push(once(AsciiSet::EMPTY.with(b)?));
            }
            Some(())
        }
        HirKind::Class(class) => {
            runs.push(once(class_set(class)?));
            Some(())
        }
        HirKind::Repetition(repetition) => {
            let set = match repetition.sub.kind() {
                HirKind::Class(class) => class_set(class)?,
                HirKind::Literal(literal) if literal.0.len() == 1 => {
                    AsciiSet::EMPTY.with(literal.0[0])?
                }
                _ => return None,
            };
            runs.push(Run {
                set,
                min: repetition.min,
                max: repetition.max,
            });
            Some(())
        }
        HirKind::Look(_) | HirKind::Alternation(_) => None,
    }
}

/// The set of a class that holds ASCII only.
fn class_set(class: &Class) -> Option<AsciiSet> {
    let ranges: Vec<(u32, u32)> = match class {
        Class::Unicode(class) => class
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        Class::Bytes(class) => class
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
    };
    ranges
        .into_iter()
        .try_fold(AsciiSet::EMPTY, |set, (lo, hi)| {
            Some(set.union(AsciiSet::of_range(lo..=hi)?))
        })
}
