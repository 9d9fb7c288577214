//! Where an error happened: [`Path`] and its [`Segment`]s, in the names the client sent, and the
//! [`PathNode`]s the generated code keeps on the stack while it walks a value, which become a
//! `Path` only where an error is recorded.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::log;

/// One step of a [`Path`]: a field by its wire name, a sequence index or a map key.
///
/// Names and keys that the client chose can be anything: a path shows at most [`KEY_CHARS`]
/// characters of each, cut on a char boundary and marked `…`, escaped like a log preview
/// (`\u{202e}`, `\n`), in its `Display`, its JSON form and its pointer alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// A struct field or enum variant, named as the client sent it (serde's wire name).
    Field(Cow<'static, str>),
    /// A position in a sequence, tuple or set.
    Index(usize),
    /// A key of a map.
    Key(String),
    /// A key of a map inside a `sensitive` field: not shown at all, `[…]`.
    HiddenKey,
    /// After a [`Key`](Segment::Key) (or [`HiddenKey`](Segment::HiddenKey)): the error is about
    /// the key itself, not the value at it. Displays `[key]` (`labels["x.y"][key]`, beside
    /// `labels["x.y"]` for the value), as pydantic's locations have it; the JSON pointer, which
    /// can only name the entry, is the entry's (`/labels/x.y`).
    KeyMarker,
}

/// How many characters of a field name or map key a [`Path`] shows.
pub const KEY_CHARS: usize = 64;

impl Segment {
    /// The segment of map key `key`, keeping at most [`KEY_CHARS`] characters of it (marked
    /// `…` when cut), so that a report never holds more of a client's key than it shows.
    ///
    /// ```
    /// use validate_core::{Path, Segment};
    /// let key = "k".repeat(1_000_000);
    /// let path = Path::from_segments(vec![Segment::Field("labels".into()), Segment::key(&key)]);
    /// assert_eq!(path.to_string(), format!("labels[\"{}…\"]", "k".repeat(64)));
    /// ```
    pub fn key(key: &str) -> Segment {
        Segment::Key(cut(key).into_owned())
    }

    /// The segment of a field that a client named (an unknown field, a key serde saw), cut like
    /// [`Segment::key`].
    pub fn field_named(name: &str) -> Segment {
        Segment::Field(Cow::Owned(cut(name).into_owned()))
    }
}

/// At most [`KEY_CHARS`] characters of `text`, marked `…` when cut.
fn cut(text: &str) -> Cow<'_, str> {
    // A text of at most KEY_CHARS bytes has at most that many chars.
    if text.len() <= KEY_CHARS {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(KEY_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// Where an error happened, in the names the client sent.
///
/// Displays as `address.zip`, `tags[1]`, `labels["en"]` or, for an error about a key rather than
/// its value, `labels["en"][key]`; [`Path::to_pointer`] gives the RFC 6901 JSON pointer
/// (`/address/zip`, `/tags/1`, `/labels/en`). Shape errors (a wrong type, a missing field) and
/// rule errors have paths of the same syntax, so [`Report::at`](crate::Report::at) finds both.
///
/// The root (the error of a struct-level rule without [`Error::at`](crate::Error::at)) displays
/// as the empty string, and reads `""` everywhere it is shown: `"path": ""` (and `"pointer": ""`)
/// in a serialized report, `"": code: message` in the log line of a
/// [`Report`](crate::Report), `validation failed: "": message` in the serde error of a
/// [`Valid`](crate::Valid).
///
/// ```
/// use validate_core::{Path, Segment};
/// let path = Path::from_segments(vec![Segment::Field("tags".into()), Segment::Index(1)]);
/// assert_eq!(path.to_string(), "tags[1]");
/// assert_eq!(path.to_pointer(), "/tags/1");
/// assert_eq!(Path::root().to_string(), "");
/// ```
#[derive(Clone, Default)]
pub struct Path {
    segments: Segments,
}

/// How many segments a path keeps inline. Request paths are short (`address.zip`, `items[3].sku`),
/// so recording an error there costs no allocation of its own.
const INLINE_SEGMENTS: usize = 3;

/// The segments of a [`Path`]: inline up to [`INLINE_SEGMENTS`], on the heap beyond.
#[derive(Clone)]
enum Segments {
    /// `len` segments at the front of the array; the rest are placeholders.
    Inline(u8, [Segment; INLINE_SEGMENTS]),
    Heap(Vec<Segment>),
}

/// The placeholder that fills the unused slots of an inline path.
const UNUSED: Segment = Segment::Index(0);

impl Default for Segments {
    fn default() -> Self {
        Segments::Inline(0, [UNUSED; INLINE_SEGMENTS])
    }
}

impl Path {
    /// The empty path: the value itself (struct-level errors live here).
    pub const fn root() -> Self {
        Path {
            segments: Segments::Inline(0, [UNUSED; INLINE_SEGMENTS]),
        }
    }

    /// A path made of the given segments, outermost first.
    pub fn from_segments(segments: Vec<Segment>) -> Self {
        Path {
            segments: Segments::Heap(segments),
        }
    }

    /// The path of `depth` segments that `fill` writes into the slice it is given (outermost
    /// first); inline when they fit.
    pub(crate) fn build(depth: usize, fill: impl FnOnce(&mut [Segment])) -> Self {
        if depth <= INLINE_SEGMENTS {
            let mut inline = [UNUSED; INLINE_SEGMENTS];
            fill(&mut inline[..depth]);
            Path {
                segments: Segments::Inline(depth as u8, inline),
            }
        } else {
            let mut heap = vec![UNUSED; depth];
            fill(&mut heap);
            Path::from_segments(heap)
        }
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        match &self.segments {
            Segments::Inline(len, inline) => &inline[..usize::from(*len)],
            Segments::Heap(heap) => heap,
        }
    }

    /// Whether this is the root path.
    pub fn is_root(&self) -> bool {
        self.segments().is_empty()
    }

    /// The RFC 6901 JSON pointer to the same place (`""` for the root).
    ///
    /// ```
    /// use validate_core::{Path, Segment};
    /// let path = Path::from_segments(vec![Segment::Field("a/b".into()), Segment::Key("~x".into())]);
    /// assert_eq!(path.to_pointer(), "/a~1b/~0x");
    /// ```
    pub fn to_pointer(&self) -> String {
        let mut out = String::new();
        for segment in self.segments() {
            // A pointer names values: a key's error points at its entry.
            if *segment == Segment::KeyMarker {
                continue;
            }
            out.push('/');
            match segment {
                Segment::Field(name) => push_pointer_token(&mut out, &cut(name)),
                Segment::Key(key) => push_pointer_token(&mut out, &cut(key)),
                Segment::Index(i) => out.push_str(&i.to_string()),
                Segment::HiddenKey => out.push('…'),
                Segment::KeyMarker => {}
            }
        }
        out
    }

    /// The path as a log line starts with it: the root quoted, `""`, as its JSON form reads.
    pub(crate) fn in_log(&self) -> impl fmt::Display + '_ {
        struct InLog<'a>(&'a Path);
        impl fmt::Display for InLog<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                if self.0.is_root() {
                    f.write_str("\"\"")
                } else {
                    write!(f, "{}", self.0)
                }
            }
        }
        InLog(self)
    }

    pub(crate) fn prepend(&mut self, prefix: &[Segment]) {
        if !prefix.is_empty() {
            let mut segments = prefix.to_vec();
            segments.extend_from_slice(self.segments());
            *self = Path::from_segments(segments);
        }
    }
}

impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Path")
            .field("segments", &self.segments())
            .finish()
    }
}

impl PartialEq for Path {
    fn eq(&self, other: &Self) -> bool {
        self.segments() == other.segments()
    }
}

impl Eq for Path {}

impl std::hash::Hash for Path {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.segments().hash(state);
    }
}

/// `token` as a pointer token (RFC 6901: `~0`, `~1`), with the characters a log preview escapes
/// escaped the same way, so that no control or invisible character reaches a client's logs.
fn push_pointer_token(out: &mut String, token: &str) {
    use std::fmt::Write as _;
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            '"' | '\\' => out.push(c),
            c if log::needs_escape(c) => {
                let _ = write!(out, "{}", log::escape(c.encode_utf8(&mut [0; 4])));
            }
            c => out.push(c),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments().iter().enumerate() {
            match segment {
                Segment::Field(name) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    write!(f, "{}", log::escape(&cut(name)))?;
                }
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) => write!(f, "[\"{}\"]", log::escape(&cut(key)))?,
                Segment::HiddenKey => f.write_str("[…]")?,
                Segment::KeyMarker => f.write_str("[key]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A place in the value being validated, kept on the stack while the generated code walks the
/// value; it becomes a [`Path`] only when an error is recorded there.
#[derive(Clone, Copy)]
pub struct PathNode<'a> {
    parent: Option<&'a PathNode<'a>>,
    segment: Option<Seg<'a>>,
}

/// One step of a [`PathNode`].
#[derive(Clone, Copy)]
pub enum Seg<'a> {
    /// A field by its wire name.
    Field(&'static str),
    /// A position in a sequence.
    Index(usize),
    /// A map key.
    Key(&'a dyn KeyName),
    /// A map key of a `sensitive` field, which a path does not show.
    HiddenKey,
    /// The key itself of the entry just above, not its value.
    KeyMarker,
}

impl Seg<'_> {
    /// The segment as a `sensitive` field's path has it: a map key hidden.
    #[inline]
    #[must_use]
    pub fn hidden(self) -> Self {
        match self {
            Seg::Key(_) => Seg::HiddenKey,
            other => other,
        }
    }
}

impl<'a> PathNode<'a> {
    /// The root of the value.
    pub const ROOT: PathNode<'static> = PathNode {
        parent: None,
        segment: None,
    };

    /// The node one step below this one.
    #[inline]
    pub fn child(&'a self, segment: Seg<'a>) -> PathNode<'a> {
        PathNode {
            parent: Some(self),
            segment: Some(segment),
        }
    }

    /// The path of this node, built when an error is recorded there.
    #[cold]
    pub fn to_path(&self) -> Path {
        let mut depth = 0;
        let mut node = Some(self);
        while let Some(n) = node {
            depth += usize::from(n.segment.is_some());
            node = n.parent;
        }
        Path::build(depth, |slots| {
            // Innermost node first: fill from the back.
            let mut slots = slots.iter_mut().rev();
            let mut node = Some(self);
            while let Some(n) = node {
                if let Some(segment) = n.segment
                    && let Some(slot) = slots.next()
                {
                    *slot = match segment {
                        Seg::Field(name) => Segment::Field(Cow::Borrowed(name)),
                        Seg::Index(i) => Segment::Index(i),
                        Seg::Key(key) => key.key_segment(),
                        Seg::HiddenKey => Segment::HiddenKey,
                        Seg::KeyMarker => Segment::KeyMarker,
                    };
                }
                node = n.parent;
            }
        })
    }
}

/// A map key that can name a path segment.
pub trait KeyName {
    /// The segment for this key.
    fn key_segment(&self) -> Segment;
}

impl KeyName for str {
    fn key_segment(&self) -> Segment {
        Segment::key(self)
    }
}

impl KeyName for String {
    fn key_segment(&self) -> Segment {
        Segment::key(self)
    }
}

impl KeyName for Cow<'_, str> {
    fn key_segment(&self) -> Segment {
        Segment::key(self)
    }
}

impl<T: KeyName + ?Sized> KeyName for &T {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

impl<T: KeyName + ?Sized> KeyName for Box<T> {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

impl<T: KeyName + ?Sized> KeyName for Arc<T> {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

impl<T: KeyName + ?Sized> KeyName for Rc<T> {
    fn key_segment(&self) -> Segment {
        (**self).key_segment()
    }
}

macro_rules! key_name_display {
    ($($t:ty),*) => {$(
        impl KeyName for $t {
            fn key_segment(&self) -> Segment {
                Segment::Key(self.to_string())
            }
        }
    )*};
}
key_name_display!(
    char, bool, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);
