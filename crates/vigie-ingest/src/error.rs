use std::fmt;

/// Why one input could not be read or cleaned. Displays as one line that names
/// the input, so a batch can report it and go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The input: a path, `path:line`, a URL, `-`.
    pub input: String,
    pub reason: String,
}

impl InputError {
    pub fn new(input: impl Into<String>, reason: impl fmt::Display) -> Self {
        InputError { input: input.into(), reason: reason.to_string() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.reason)
    }
}

impl std::error::Error for InputError {}
