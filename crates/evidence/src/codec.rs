//! The small binary codec shared by the leaf encoding ([`crate::entry`]) and the head encoding
//! ([`crate::head`]): big-endian integers, `u32`-length-prefixed UTF-8 strings, raw 32-byte
//! hashes. Decoding is total: every failure is an error, never a panic.

use crate::hash::{HASH_LEN, Hash};

/// Longest string field accepted, in bytes.
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// Why bytes do not decode.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The input ended inside a field.
    #[error("input ends inside field `{field}`")]
    Truncated {
        /// The field being read.
        field: &'static str,
    },
    /// The input has bytes after the last field.
    #[error("{count} trailing bytes after the last field")]
    Trailing {
        /// How many.
        count: usize,
    },
    /// The magic or version is not one this crate writes.
    #[error("unknown magic or version")]
    BadMagic,
    /// An enumeration code is unknown.
    #[error("unknown code {code} for `{field}`")]
    UnknownCode {
        /// The field.
        field: &'static str,
        /// The code.
        code: u8,
    },
    /// A string is not UTF-8 or is too long.
    #[error("field `{field}` is not UTF-8 of at most {MAX_STRING_BYTES} bytes")]
    BadString {
        /// The field.
        field: &'static str,
    },
}

/// Appends fields to a buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self
    }

    pub(crate) fn u8(&mut self, v: u8) -> &mut Self {
        self.buf.push(v);
        self
    }

    pub(crate) fn u32(&mut self, v: u32) -> &mut Self {
        self.bytes(&v.to_be_bytes())
    }

    pub(crate) fn u64(&mut self, v: u64) -> &mut Self {
        self.bytes(&v.to_be_bytes())
    }

    pub(crate) fn i64(&mut self, v: i64) -> &mut Self {
        self.bytes(&v.to_be_bytes())
    }

    pub(crate) fn hash(&mut self, h: &Hash) -> &mut Self {
        self.bytes(&h.0)
    }

    /// Strings longer than [`MAX_STRING_BYTES`] must have been refused by the caller.
    pub(crate) fn str(&mut self, s: &str) -> &mut Self {
        let len = u32::try_from(s.len()).unwrap_or(u32::MAX);
        self.u32(len).bytes(s.as_bytes())
    }
}

/// Reads fields from a slice.
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    pub(crate) fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], DecodeError> {
        let (head, tail) = self
            .rest
            .split_at_checked(n)
            .ok_or(DecodeError::Truncated { field })?;
        self.rest = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self, field: &'static str) -> Result<[u8; N], DecodeError> {
        let bytes = self.take(N, field)?;
        <[u8; N]>::try_from(bytes).map_err(|_| DecodeError::Truncated { field })
    }

    pub(crate) fn u8(&mut self, field: &'static str) -> Result<u8, DecodeError> {
        Ok(self.array::<1>(field)?[0])
    }

    pub(crate) fn u32(&mut self, field: &'static str) -> Result<u32, DecodeError> {
        Ok(u32::from_be_bytes(self.array(field)?))
    }

    pub(crate) fn u64(&mut self, field: &'static str) -> Result<u64, DecodeError> {
        Ok(u64::from_be_bytes(self.array(field)?))
    }

    pub(crate) fn i64(&mut self, field: &'static str) -> Result<i64, DecodeError> {
        Ok(i64::from_be_bytes(self.array(field)?))
    }

    pub(crate) fn hash(&mut self, field: &'static str) -> Result<Hash, DecodeError> {
        Ok(Hash(self.array::<HASH_LEN>(field)?))
    }

    pub(crate) fn str(&mut self, field: &'static str) -> Result<String, DecodeError> {
        let len = self.u32(field)? as usize;
        if len > MAX_STRING_BYTES {
            return Err(DecodeError::BadString { field });
        }
        let bytes = self.take(len, field)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| DecodeError::BadString { field })
    }

    pub(crate) fn finish(self) -> Result<(), DecodeError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(DecodeError::Trailing {
                count: self.rest.len(),
            })
        }
    }
}
