//! Standard output that may lose its reader.
//!
//! `println!` panics when a write fails, as it does with `EPIPE` when the
//! reader of a pipe has gone (`cargo xtask compare ... | head`). Every
//! command writes its stdout through [`outln!`] and [`out!`] instead: once
//! stdout cannot be written, nothing more is written there and the command
//! finishes its work as it would have (a test run still stops Prism) and
//! exits with the status it would have had. A reader that went away is no
//! error, and says nothing; any other failed write (a full disk behind a
//! redirect) is reported once on stderr and makes the exit status 1
//! ([`status`]).

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout could not be written: nothing more is written there.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Set when a write failed for a reason other than a reader that went away.
static FAILED: AtomicBool = AtomicBool::new(false);

/// Writes `args` to stdout and flushes it, unless stdout was already found
/// closed; a failure closes it (see the module docs).
pub fn write(args: fmt::Arguments<'_>) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = io::stdout().lock();
    if let Err(err) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        CLOSED.store(true, Ordering::Relaxed);
        if err.kind() != io::ErrorKind::BrokenPipe {
            FAILED.store(true, Ordering::Relaxed);
            eprintln!("error: cannot write to standard output: {err}");
        }
    }
}

/// The command's exit status: `code`, or 1 when a write to stdout failed
/// for a reason other than a reader that went away.
pub fn status(code: ExitCode) -> ExitCode {
    if FAILED.load(Ordering::Relaxed) {
        ExitCode::FAILURE
    } else {
        code
    }
}

/// `print!` to stdout, without a panic when its reader has gone.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::out::write(format_args!($($arg)*))
    };
}

/// `println!` to stdout, without a panic when its reader has gone.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::out::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};
