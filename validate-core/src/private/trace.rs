//! The pieces of `Validate::__trace`: serde traces a map key as it traces a field name, so the
//! derived hook, knowing which fields are maps, makes those segments keys, and hides the keys
//! below a `sensitive` field, so that a shape error's path reads as a rule error's would.

use std::borrow::Cow;

use crate::Segment;

/// One level of a field's type as written: a sequence or set (`[i]`) or a map (`["key"]`).
#[derive(Clone, Copy)]
pub enum Shape {
    Index,
    Key,
}

/// Makes the segment of a map entry a key, as the rules' paths have it.
#[inline]
pub fn key(segment: &mut Segment) {
    if let Segment::Field(name) = segment {
        *segment = Segment::Key(match std::mem::take(name) {
            Cow::Borrowed(name) => name.to_owned(),
            Cow::Owned(name) => name,
        });
    }
}

/// Follows `path` through the levels of `shape`, making the map entries keys; stops where the
/// path leaves the shape.
pub fn shape(path: &mut [Segment], shape: &[Shape]) {
    for (segment, level) in path.iter_mut().zip(shape) {
        match (level, &*segment) {
            (Shape::Index, Segment::Index(_)) => {}
            (Shape::Key, Segment::Field(_)) => key(segment),
            _ => return,
        }
    }
}

/// Follows `path` into the element of a collection, the first segment (made a key when
/// `keyed`), and returns the path below it.
#[inline]
pub fn element(path: &mut [Segment], keyed: bool) -> Option<&mut [Segment]> {
    let (first, rest) = path.split_first_mut()?;
    if keyed {
        key(first);
    }
    Some(rest)
}

/// Hides the names and keys of `path`, which lies below a `sensitive` field.
pub fn hide(path: &mut [Segment]) {
    for segment in path {
        if matches!(segment, Segment::Field(_) | Segment::Key(_)) {
            *segment = Segment::HiddenKey;
        }
    }
}
