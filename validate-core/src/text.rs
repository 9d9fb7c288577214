//! [`Text`]: a short string kept inline, for the log previews a report records with every error.
//! A preview is at most a few dozen bytes, so keeping it in place saves an allocation per error.

use std::fmt;

/// Bytes a [`Text`] holds without allocating: a 26-character ASCII preview with its
/// `…(+N bytes)` suffix fits.
const INLINE: usize = 46;

/// An immutable string, inline when short.
#[derive(Clone)]
pub(crate) struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(String),
}

impl Text {
    /// The text written by `write`; it stays inline unless it outgrows [`INLINE`] bytes.
    pub(crate) fn write_with(write: impl FnOnce(&mut Writer) -> fmt::Result) -> Text {
        let mut writer = Writer(Repr::Inline {
            len: 0,
            bytes: [0; INLINE],
        });
        // Writing into memory only fails if a `Display` impl fails on its own; what was written
        // up to that point is kept.
        let _ = write(&mut writer);
        Text(writer.0)
    }

    pub(crate) fn as_str(&self) -> &str {
        match &self.0 {
            // Only whole `&str`s are ever copied in, so this is always valid UTF-8.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Repr::Heap(s) => s,
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Repr::Heap(s))
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

/// The `fmt::Write` that builds a [`Text`].
pub(crate) struct Writer(Repr);

impl fmt::Write for Writer {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match &mut self.0 {
            Repr::Inline { len, bytes } => {
                let at = usize::from(*len);
                match bytes.get_mut(at..at + s.len()) {
                    Some(slot) => {
                        slot.copy_from_slice(s.as_bytes());
                        *len += s.len() as u8;
                    }
                    None => {
                        let mut heap = String::with_capacity(at + s.len() + 16);
                        heap.push_str(std::str::from_utf8(&bytes[..at]).unwrap_or_default());
                        heap.push_str(s);
                        self.0 = Repr::Heap(heap);
                    }
                }
            }
            Repr::Heap(heap) => heap.push_str(s),
        }
        Ok(())
    }
}
