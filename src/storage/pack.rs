//! Packing: the stored form of a record's or a part's JSON. Small JSON is stored as it is; large
//! JSON is deflated and written 15 bits to a character (`z2:`). Records packed by earlier builds
//! (`z1:`, base64) still read. Pure text in, text out: never touches storage.

use std::borrow::Cow;

use crate::format::FormatError;
use crate::i18n::{tr, trf};

/// Records at least this long (in bytes of JSON) are stored deflated.
pub(super) const PACK_FROM_BYTES: usize = 2 * 1024;
/// Deflated, base64: read only (see [`unpack`]).
pub(super) const PACKED_TAG: &str = "z1:";
/// Deflated, 15 bits a character, after the JSON's length and a colon.
pub(super) const PACKED15_TAG: &str = "z2:";
/// A packed record never unpacks to more than this, whatever a damaged value claims.
const MAX_UNPACKED_BYTES: usize = 256 * 1024 * 1024;

/// The stored form of a record's JSON: itself when small, deflated and tagged when large.
///
/// localStorage counts UTF-16 code units against a quota of about 5.2 M, so the deflated bytes
/// are written 15 bits to a character (from U+4000 to U+BFFF, which holds no surrogates and is
/// kept as is by every browser): 2.5 times denser than base64's 6 bits. The tag carries the JSON's
/// length, so unpacking allocates once.
pub fn pack(json: String) -> String {
    if json.len() < PACK_FROM_BYTES {
        return json;
    }
    // Level 1: the saving comes mostly from repetition that any level finds, and saves stay fast.
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 1);
    let mut out = String::with_capacity(packed.len() / 15 * 8 * 3 + 32);
    out.push_str(PACKED15_TAG);
    out.push_str(&json.len().to_string());
    out.push(':');
    to_chars(&packed, &mut out);
    out
}

/// The first code point of the 2^15 that carry packed bits.
const BITS15_BASE: u32 = 0x4000;

/// Appends `bytes` as characters of 15 bits each, after one character saying whether decoding
/// yields a byte too many ('1') or not ('0'): 15 bits per character rarely end on a byte.
fn to_chars(bytes: &[u8], out: &mut String) {
    let count = (bytes.len() * 8).div_ceil(15);
    let extra = count * 15 / 8 - bytes.len();
    out.push(if extra == 1 { '1' } else { '0' });
    let mut acc: u32 = 0;
    let mut bits = 0;
    let push = |v: u32, out: &mut String| {
        // In range by construction: v < 2^15.
        out.extend(char::from_u32(BITS15_BASE + (v & 0x7fff)));
    };
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push(acc >> bits, out);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push(acc << (15 - bits), out);
    }
}

/// The bytes [`to_chars`] wrote, or None if `text` is not such characters.
fn from_chars(text: &str) -> Option<Vec<u8>> {
    let (drop, body) = match text.as_bytes().split_first()? {
        (b'0', body) => (0, body),
        (b'1', body) => (1, body),
        _ => return None,
    };
    // Every character from U+4000 to U+BFFF is three bytes of UTF-8, 1110xxxx 10xxxxxx
    // 10xxxxxx: read straight from the bytes, which is several times faster than by character.
    if body.len() % 3 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 3 * 15 / 8 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in body.chunks_exact(3) {
        let code =
            (u32::from(c[0] & 0x0f) << 12) | (u32::from(c[1] & 0x3f) << 6) | u32::from(c[2] & 0x3f);
        let v = code
            .checked_sub(BITS15_BASE)
            .filter(|v| *v < 0x8000 && c[0] & 0xf0 == 0xe0)?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    let len = out.len().checked_sub(drop)?;
    out.truncate(len);
    Some(out)
}

/// The JSON of a stored record, unpacking it when it was stored deflated.
pub fn unpack(raw: &str) -> Result<Cow<'_, str>, FormatError> {
    use base64::Engine;
    let damaged = |why: &str| FormatError::NotOurs(trf("lead.storage_damaged", &[("why", why)]));
    let json = if let Some(body) = raw.strip_prefix(PACKED15_TAG) {
        let (len, body) = body
            .split_once(':')
            .and_then(|(len, body)| Some((len.parse::<usize>().ok()?, body)))
            .filter(|(len, _)| *len <= MAX_UNPACKED_BYTES)
            .ok_or_else(|| damaged(tr("lead.storage_no_unpack")))?;
        let packed = from_chars(body).ok_or_else(|| damaged(tr("lead.storage_no_unpack")))?;
        let mut json = vec![0; len];
        match miniz_oxide::inflate::decompress_slice_iter_to_slice(
            &mut json,
            std::iter::once(packed.as_slice()),
            false,
            true,
        ) {
            Ok(n) if n == len => json,
            _ => return Err(damaged(tr("lead.storage_no_unpack"))),
        }
    } else if let Some(body) = raw.strip_prefix(PACKED_TAG) {
        // Written by earlier builds (6 bits a character): read, never written any more.
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| damaged(tr("lead.storage_not_base64")))?;
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES)
            .map_err(|_| damaged(tr("lead.storage_no_unpack")))?
    } else {
        return Ok(Cow::Borrowed(raw));
    };
    String::from_utf8(json)
        .map(Cow::Owned)
        .map_err(|_| damaged("not text"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_assessment;
    use crate::format;
    use crate::storage::keys::chars;
    use chrono::DateTime;

    proptest::proptest! {
        #[test]
        fn fifteen_bits_a_character_round_trip(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let mut text = String::new();
            to_chars(&bytes, &mut text);
            proptest::prop_assert_eq!(from_chars(&text), Some(bytes.clone()));
            proptest::prop_assert!(text.chars().skip(1).all(|c| (0x4000..0xc000).contains(&(c as u32))));
            proptest::prop_assert_eq!(text.chars().count(), 1 + (bytes.len() * 8).div_ceil(15));
        }

        #[test]
        fn packing_round_trips(json in "[ -~]{0,80}", repeat in 1usize..3000) {
            let json = json.repeat(repeat);
            let packed = pack(json.clone());
            proptest::prop_assert_eq!(unpack(&packed).unwrap(), json);
        }
    }

    #[test]
    fn records_packed_by_earlier_builds_still_read() {
        use base64::Engine;
        let json = format::encode_stored_revision(
            &demo_assessment(
                crate::content::get(),
                DateTime::from_timestamp(0, 0).unwrap(),
            ),
            3,
        );
        let old = format!(
            "{PACKED_TAG}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 1))
        );
        assert_eq!(unpack(&old).unwrap(), json);
        let new = pack(json.clone());
        assert!(
            chars(&new) * 2 < old.len(),
            "{} characters now, {} before",
            chars(&new),
            old.len()
        );
    }

    #[test]
    fn plain_text_is_given_back_as_it_is_and_large_text_round_trips() {
        assert_eq!(unpack("plain").unwrap(), "plain");
        let big = "x".repeat(PACK_FROM_BYTES * 3);
        let packed = pack(big.clone());
        assert!(packed.starts_with(PACKED15_TAG));
        assert!(packed.len() * 10 < big.len());
        assert_eq!(unpack(&packed).unwrap(), big);
    }
}
