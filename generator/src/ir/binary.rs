//! Bodies that are not JSON or a form: files, bytes and streams sent as they
//! are, and answers read as bytes or a stream.

/// A request body sent as it is, from bytes, a file or a stream: any media
/// type but a form, JSON or multipart.
#[derive(Debug, Clone, PartialEq)]
pub struct BinaryBody {
    /// The media types the spec offers, e.g. `image/png` or `*/*`.
    pub media_types: Vec<String>,
    /// The largest body the spec allows, in bytes (`maxLength` of its
    /// schema), checked before anything is sent.
    pub max_len: Option<u64>,
}

impl BinaryBody {
    /// The media types for docs, e.g. "`image/png` or `image/jpeg`".
    pub fn media_types_doc(&self) -> String {
        let quoted: Vec<String> = self.media_types.iter().map(|t| format!("`{t}`")).collect();
        quoted.join(" or ")
    }

    /// The size limit as a Rust literal, e.g. `Some(157_286_400)`.
    pub fn max_len_lit(&self) -> String {
        match self.max_len {
            Some(n) => format!("Some({n})"),
            None => "None".to_owned(),
        }
    }

    /// A file name for doc examples, by [`BinaryBody::sample_type`].
    pub fn sample_file(&self) -> &'static str {
        let sample = self.sample_type();
        match sample.split('/').next().unwrap_or_default() {
            "image" => "photo.png",
            "audio" => "voice.ogg",
            "video" => "clip.mp4",
            "text" => "notes.txt",
            _ => "invoice.pdf",
        }
    }

    /// A media type for doc examples: the first concrete one; for a range
    /// (`image/*`), a common type in it; for `*/*`, a PDF.
    pub fn sample_type(&self) -> String {
        if let Some(concrete) = self.media_types.iter().find(|t| !t.contains('*')) {
            return concrete.clone();
        }
        let range = self
            .media_types
            .first()
            .map(String::as_str)
            .unwrap_or("*/*");
        match range.split('/').next().unwrap_or_default() {
            "image" => "image/png",
            "audio" => "audio/ogg",
            "video" => "video/mp4",
            "text" => "text/plain",
            _ => "application/pdf",
        }
        .to_owned()
    }
}

/// Whether a request or response media type is sent or read as raw bytes:
/// anything but a form, JSON and multipart.
pub fn is_binary(media_type: &str) -> bool {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    !(essence == "application/x-www-form-urlencoded"
        || essence.starts_with("multipart/")
        || essence == "application/json"
        || essence.ends_with("+json"))
}

impl super::Api {
    /// Whether any operation sends a body as it is ([`BinaryBody`]).
    pub fn has_uploads(&self) -> bool {
        self.operations().any(|op| op.upload.is_some())
    }

    /// Whether any operation answers with a body read as bytes.
    pub fn has_downloads(&self) -> bool {
        self.operations()
            .any(|op| matches!(op.response, super::ResponseKind::Binary))
    }

    /// Whether the crate has `src/binary.rs`: uploads or downloads.
    pub fn has_binary(&self) -> bool {
        self.has_uploads() || self.has_downloads()
    }

    /// The other hosts as Rust string literals, in [`Api::hosts`](super::Api::hosts) order.
    pub fn host_lits(&self) -> Vec<String> {
        self.hosts
            .iter()
            .map(|h| crate::literal::rust_str(h))
            .collect()
    }
}
