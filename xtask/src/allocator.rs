//! The generator's allocator: mimalloc, giving freed memory back to the
//! system after a millisecond.
//!
//! Generating makes and frees millions of small allocations (tokens and
//! syntax trees, on a thread per core), which mimalloc serves about a fifth
//! faster than glibc's malloc. By default it keeps freed pages for 10 ms
//! before giving them back, which raised the peak memory of generating
//! Twilio's spec from ~20 MiB to ~32 MiB; after 1 ms the peak stays at
//! glibc's. BENCHMARKS.md has the figures. The `generate` bench includes
//! this file, so that it times the tool as it runs.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the `mi_option_e` of the mimalloc 3 that
/// libmimalloc-sys builds by default (`mimalloc.h`); its Rust bindings do
/// not name it.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Sets the allocator's options: call it first thing in `main`.
pub fn configure() {
    // SAFETY: stores one option's value, which mimalloc reads atomically;
    // the option and the value are both valid for mimalloc 3.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 1) }
}
