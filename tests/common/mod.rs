//! What the CLI tests share: the `gradscape` binary run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `gradscape ARGS` with `stdin` as its standard input and waits for it.
pub fn gradscape(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gradscape"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gradscape starts");
    // A refused command may exit before reading its input: a broken pipe is not a failure.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("gradscape ends")
}
