//! Normalizing a `SecretString` leaves no copy of the secret in freed memory: a global allocator
//! looks for the secret in every block it frees. A `String` field normalized the same way is the
//! control, which does leave copies.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use secrecy::{ExposeSecret, SecretString};
use validate_core::Validate;

struct Scanning;

static SCANNING: AtomicBool = AtomicBool::new(false);
static FOUND: AtomicUsize = AtomicUsize::new(0);
/// The tests share the allocator's flag, so they take turns.
static TURN: Mutex<()> = Mutex::new(());

/// What a freed block must not hold: the secret as given, and as each step of the chain below
/// writes it.
const MARKS: [&[u8]; 3] = [
    "ＱＺＸＪ-HIDDEN".as_bytes(),
    b"QZXJ-HIDDEN-VALUE",
    b"qzxj-hidden-value",
];

unsafe impl GlobalAlloc for Scanning {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if SCANNING.load(Ordering::Relaxed) {
            // SAFETY: the block is still ours until `System.dealloc` below.
            let block = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            if MARKS
                .iter()
                .any(|mark| block.windows(mark.len()).any(|w| w == *mark))
            {
                FOUND.fetch_add(1, Ordering::Relaxed);
            }
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Scanning = Scanning;

#[derive(Validate)]
struct Secret {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(max = 64))]
    token: SecretString,
}

#[derive(Validate)]
struct Plain {
    #[normalize(trim, nfkc, lowercase)]
    #[validate(length(max = 64))]
    token: String,
}

/// Copies of the secret freed while `f` runs.
fn freed_copies(f: impl FnOnce()) -> usize {
    let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    FOUND.store(0, Ordering::Relaxed);
    SCANNING.store(true, Ordering::Relaxed);
    f();
    SCANNING.store(false, Ordering::Relaxed);
    FOUND.load(Ordering::Relaxed)
}

/// Padded, full-width, upper-case: every normalizer of the chain rewrites it.
fn input() -> String {
    "  ＱＺＸＪ-HIDDEN-VALUE\t".to_owned()
}

#[test]
fn a_normalized_secret_leaves_no_copy_behind() {
    let copies = freed_copies(|| {
        let mut value = Secret {
            token: SecretString::from(input()),
        };
        value.normalize();
        assert_eq!(value.token.expose_secret(), "qzxj-hidden-value");
        drop(value);
    });
    assert_eq!(copies, 0);
}

#[test]
fn a_normalized_string_does_the_control_shows_the_scan_works() {
    let copies = freed_copies(|| {
        let mut value = Plain { token: input() };
        value.normalize();
        assert_eq!(value.token, "qzxj-hidden-value");
        drop(value);
    });
    assert!(copies > 0);
}
