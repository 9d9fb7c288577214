//! Patterns that are a sequence of ASCII character-class runs (`[a-z0-9_]+`, `[0-9]{5}`,
//! `[A-Z]{2}-[0-9]{4}`) are compiled into byte-set checks instead of a regex: no regex to
//! build at first use and a single pass over the bytes at run time.
//!
//! The plan is exact only when no byte can belong to two runs: the classes are pairwise
//! disjoint, so a greedy left-to-right scan finds the only possible split. Anything else
//! keeps the regex.

use regex_syntax::hir::{Class, Hir, HirKind};

/// One run: a set of ASCII bytes (as 128 bits) repeated `min..=max` times.
pub struct Run {
    pub low: u64,
    pub high: u64,
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
        for b in &runs[i + 1..] {
            if a.low & b.low != 0 || a.high & b.high != 0 {
                return None;
            }
        }
    }
    Some(runs)
}

fn collect(hir: &Hir, runs: &mut Vec<Run>) -> Option<()> {
    match hir.kind() {
        HirKind::Empty => Some(()),
        HirKind::Concat(items) => items.iter().try_for_each(|item| collect(item, runs)),
        HirKind::Capture(capture) => collect(&capture.sub, runs),
        HirKind::Literal(literal) => {
            for &b in literal.0.iter() {
                runs.push(
                    Run {
                        low: 0,
                        high: 0,
                        min: 1,
                        max: Some(1),
                    }
                    .with_byte(b)?,
                );
            }
            Some(())
        }
        HirKind::Class(class) => {
            let (low, high) = ascii_set(class)?;
            runs.push(Run {
                low,
                high,
                min: 1,
                max: Some(1),
            });
            Some(())
        }
        HirKind::Repetition(repetition) => {
            let (low, high) = match repetition.sub.kind() {
                HirKind::Class(class) => ascii_set(class)?,
                HirKind::Literal(literal) if literal.0.len() == 1 => {
                    let run = Run {
                        low: 0,
                        high: 0,
                        min: 0,
                        max: None,
                    }
                    .with_byte(literal.0[0])?;
                    (run.low, run.high)
                }
                _ => return None,
            };
            runs.push(Run {
                low,
                high,
                min: repetition.min,
                max: repetition.max,
            });
            Some(())
        }
        HirKind::Look(_) | HirKind::Alternation(_) => None,
    }
}

impl Run {
    fn with_byte(mut self, b: u8) -> Option<Self> {
        match b {
            0..64 => self.low |= 1 << b,
            64..128 => self.high |= 1 << (b - 64),
            _ => return None,
        }
        Some(self)
    }
}

fn ascii_set(class: &Class) -> Option<(u64, u64)> {
    let mut low = 0u64;
    let mut high = 0u64;
    let mut add = |start: u32, end: u32| -> Option<()> {
        if end > 127 {
            return None;
        }
        for b in start..=end {
            if b < 64 {
                low |= 1 << b;
            } else {
                high |= 1 << (b - 64);
            }
        }
        Some(())
    };
    match class {
        Class::Unicode(class) => {
            for range in class.iter() {
                add(range.start() as u32, range.end() as u32)?;
            }
        }
        Class::Bytes(class) => {
            for range in class.iter() {
                add(u32::from(range.start()), u32::from(range.end()))?;
            }
        }
    }
    Some((low, high))
}
