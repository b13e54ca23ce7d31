//! Share links: one assessment packed into the fragment of a URL, `{origin}/#share=<data>`.
//!
//! Owns the link encoding: the compact export file, compressed with raw deflate (level 9), then
//! written in base64url without padding, so the data needs no escaping in a URL. Browsers never
//! send the fragment (everything after `#`) to a server, so the assessment travels only inside
//! the link. Decoding is the hostile direction: every step is bounded and ends in the same
//! [`import`](super::import) checks as a file. Never touches the browser: the UI reads and clears
//! `location.hash`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};

use super::{export_compact, import, FileKind, FormatError, Imported, Problem};
use crate::domain::Assessment;
use crate::i18n::{tr, trf};

pub mod redact;

/// What comes after `#` in a share link, before the data.
pub const FRAGMENT_KEY: &str = "share=";

/// Longest data part of a link we make, in characters. Browsers accept links of megabytes, but
/// chat tools, mail clients and link shorteners cut or refuse long ones (some stop near 64,000
/// characters, many mail clients wrap or truncate much earlier); a link that arrives cut is
/// useless, so above this we tell the user to send the file instead.
pub const MAX_LINK_CHARS: usize = 60_000;

/// Links longer than this, in characters, are called long in the share dialog, which then
/// suggests the file: some chat apps, mail programs and older browsers cut or refuse links
/// somewhere above 8,000 characters (2,048 for the oldest), and a cut link is useless.
pub const LONG_LINK_CHARS: usize = 8_000;

/// Most bytes a link may unpack to. No real assessment comes near it (a file of the largest
/// allowed assessment is a few MB); the cap stops a hostile link built to inflate into gigabytes
/// from exhausting the browser's memory.
pub const MAX_UNPACKED_BYTES: usize = 20 * 1024 * 1024;

/// Why a link whose data stops mid-way was refused; chat tools cut long links.
fn cut() -> String {
    tr("format.share_cut").to_string()
}

/// Deflate's strongest setting: links are made rarely and every character saved counts.
const LEVEL: u8 = 9;

/// Why a link could not be made or opened, worded for the person who made or opened it. Its
/// text (`Display`) is in the current language, built only when asked for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// The link would be longer than [`MAX_LINK_CHARS`].
    TooLarge { chars: usize, max: usize },
    /// The data is not what a share link holds: cut short, mistyped or changed on the way.
    Damaged(String),
    /// The data unpacks to more than [`MAX_UNPACKED_BYTES`].
    UnpacksTooLarge,
    /// A valid file, but a whole workspace rather than the one assessment a link carries.
    Workspace,
    /// The data unpacked, but the file inside did not pass the checks every import goes through.
    Format(#[from] FormatError),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ShareError::TooLarge { chars, max } => trf(
                "format.share_too_large",
                &[
                    ("chars", &group_digits(*chars)),
                    ("max", &group_digits(*max)),
                ],
            ),
            ShareError::Damaged(reason) => trf("format.share_damaged", &[("reason", reason)]),
            ShareError::UnpacksTooLarge => trf(
                "format.share_unpacks_too_large",
                &[("mb", &(MAX_UNPACKED_BYTES / 1024 / 1024).to_string())],
            ),
            ShareError::Workspace => tr("format.share_workspace").to_string(),
            ShareError::Format(e) => trf("format.share_not_accepted", &[("error", &e.to_string())]),
        };
        f.write_str(&text)
    }
}

impl ShareError {
    /// The individual problems of a refused file, for a list on screen; empty otherwise.
    pub fn problems(&self) -> &[Problem] {
        match self {
            ShareError::Format(e) => e.problems(),
            _ => &[],
        }
    }
}

/// Packs one assessment into the data part of a share link (see [`link`]).
///
/// `now` is written as the export time, so the same assessment and time always give the same
/// link. Fails with [`ShareError::TooLarge`] when the data exceeds [`MAX_LINK_CHARS`].
/// A reviewer's private notes are never in a link: a link is always for someone else.
pub fn encode(a: &Assessment, now: DateTime<Utc>) -> Result<String, ShareError> {
    let (copy, _) = super::client::without_private_notes(std::slice::from_ref(a));
    let json = export_compact(FileKind::Assessment, &copy, now);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let data = URL_SAFE_NO_PAD.encode(packed);
    // base64url is plain ASCII: bytes and characters are the same count.
    if data.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge {
            chars: data.len(),
            max: MAX_LINK_CHARS,
        });
    }
    Ok(data)
}

/// The full link: `origin` is the app's address without a trailing slash, such as
/// `https://workbench.example`.
pub fn link(origin: &str, data: &str) -> String {
    format!("{}/#{FRAGMENT_KEY}{data}", origin.trim_end_matches('/'))
}

/// The data part of a `location.hash` such as `#share=…`, or `None` when the hash is not a
/// share link (an ordinary in-page anchor, or nothing).
pub fn data_in_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(FRAGMENT_KEY)
}

/// Unpacks the data part of a share link and imports it with every check a file gets.
///
/// Accepts the data alone or the whole `#share=…` fragment; spaces and line breaks that mail
/// programs insert into long links are ignored.
pub fn decode(fragment: &str) -> Result<Imported, ShareError> {
    let data = data_in_hash(fragment.trim()).unwrap_or(fragment);
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    if data.is_empty() {
        return Err(ShareError::Damaged(tr("format.share_no_data").into()));
    }
    // A link three times our own limit was not made by us; refuse before decoding anything.
    if data.len() > 3 * MAX_LINK_CHARS {
        return Err(ShareError::Damaged(tr("format.share_far_too_long").into()));
    }
    let packed = URL_SAFE_NO_PAD
        .decode(data.as_bytes())
        .map_err(|e| match e {
            base64::DecodeError::InvalidLength(_)
            | base64::DecodeError::InvalidLastSymbol { .. } => ShareError::Damaged(cut()),
            _ => ShareError::Damaged(tr("format.share_bad_characters").into()),
        })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::UnpacksTooLarge,
            miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => {
                ShareError::Damaged(cut())
            }
            _ => ShareError::Damaged(tr("format.share_cannot_unpack").into()),
        })?;
    let text = String::from_utf8(json)
        .map_err(|_| ShareError::Damaged(tr("format.share_not_text").into()))?;
    let imported = import(&text)?;
    if imported.kind != FileKind::Assessment {
        return Err(ShareError::Workspace);
    }
    Ok(imported)
}

/// `61234` → `61,234`: long numbers in messages are easier to read grouped.
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::domain::demo;
    use crate::format::export;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    fn sample() -> Assessment {
        demo::demo_assessment(crate::content::get(), at(1_800_000_000))
    }

    /// Packs any text the way [`encode`] does, to build links we would never make.
    fn pack(text: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(text, 6))
    }

    /// Text that deflate cannot shrink much: letters from a small pseudo-random generator.
    fn noise(len: usize) -> String {
        let mut x: u32 = 12345;
        (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from(b'a' + ((x >> 16) % 26) as u8)
            })
            .collect()
    }

    #[test]
    fn a_link_round_trips_to_the_same_assessment() {
        let a = sample();
        let data = encode(&a, at(1_800_000_100)).unwrap();
        let imported = decode(&data).unwrap();
        assert_eq!(imported.assessments, vec![a]);
        assert_eq!(imported.kind, FileKind::Assessment);
        assert_eq!(imported.exported_at, at(1_800_000_100));
        assert_eq!(imported.integrity, crate::format::Integrity::Intact);
        // The data only uses characters that need no escaping in a URL.
        assert!(data
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn a_link_never_holds_a_private_note() {
        let mut a = sample();
        let who = crate::domain::review::Reviewer {
            id: uuid::Uuid::from_u128(9),
            name: "Jane".into(),
        };
        crate::domain::review::set_answer_review(&mut a, &who, at(1), "x.y", |r| {
            r.level = Some(2);
            r.private_note = "only mine".into();
        });
        let back = decode(&encode(&a, at(1_800_000_100)).unwrap()).unwrap();
        let r = crate::domain::review::review_by(&back.assessments[0], who.id).unwrap();
        assert_eq!(r.answers["x.y"].level, Some(2));
        assert_eq!(r.private_notes(), 0);
    }

    #[test]
    fn the_demo_fits_and_is_much_smaller_than_the_file() {
        let a = sample();
        let data = encode(&a, at(1_800_000_100)).unwrap();
        let file = export(FileKind::Assessment, &[a], at(1_800_000_100));
        assert!(data.len() < MAX_LINK_CHARS, "{} chars", data.len());
        assert!(
            data.len() * 3 < file.len(),
            "{} vs {}",
            data.len(),
            file.len()
        );
    }

    #[test]
    fn the_same_assessment_and_time_give_the_same_link() {
        let a = sample();
        let first = encode(&a, at(1_800_000_100)).unwrap();
        assert_eq!(first, encode(&a.clone(), at(1_800_000_100)).unwrap());
        assert_ne!(first, encode(&a, at(1_800_000_101)).unwrap());
    }

    #[test]
    fn the_whole_fragment_or_a_link_broken_over_lines_also_decodes() {
        let a = sample();
        let data = encode(&a, at(1_800_000_100)).unwrap();
        let full = link("https://workbench.example/", &data);
        assert_eq!(full, format!("https://workbench.example/#share={data}"));
        let hash = full.split_once('#').map(|(_, h)| format!("#{h}")).unwrap();
        assert_eq!(decode(&hash).unwrap().assessments, vec![a.clone()]);
        let wrapped = format!("{}\r\n  {}", &data[..100], &data[100..]);
        assert_eq!(decode(&wrapped).unwrap().assessments, vec![a]);
    }

    #[test]
    fn hashes_that_are_not_share_links_are_ignored() {
        assert_eq!(data_in_hash("#share=abc"), Some("abc"));
        assert_eq!(data_in_hash("share=abc"), Some("abc"));
        assert_eq!(data_in_hash("#main"), None);
        assert_eq!(data_in_hash(""), None);
        assert_eq!(data_in_hash("#sharex=abc"), None);
    }

    #[test]
    fn a_large_assessment_is_refused_with_advice_to_send_the_file() {
        let mut a = Assessment::new(Uuid::from_u128(9), "Big", at(1_800_000_000));
        a.profile.mission = noise(150_000);
        let err = encode(&a, at(1_800_000_100)).unwrap_err();
        let ShareError::TooLarge { chars, max } = err else {
            panic!("expected TooLarge, got {err:?}");
        };
        assert_eq!(max, MAX_LINK_CHARS);
        assert!(chars > MAX_LINK_CHARS);
        let message = err.to_string();
        assert!(
            message.contains("Export the file and send it instead"),
            "{message}"
        );
        assert!(message.contains(&group_digits(chars)), "{message}");
        assert!(message.contains("60,000"), "{message}");
    }

    #[test]
    fn corrupted_text_is_reported_as_damaged() {
        let data = encode(&sample(), at(1_800_000_100)).unwrap();
        // Characters outside base64url.
        assert!(matches!(
            decode("abc!def$ghi"),
            Err(ShareError::Damaged(why)) if why.contains("characters")
        ));
        // Cut short, as a chat tool might: wherever the cut falls.
        for end in [data.len() / 2, data.len() / 2 / 4 * 4, data.len() - 1] {
            assert!(
                matches!(decode(&data[..end]), Err(ShareError::Damaged(ref why)) if *why == cut()),
                "cut at {end} of {}: {:?}",
                data.len(),
                decode(&data[..end])
            );
        }
        // Valid base64 of bytes that are not deflate data.
        let garbage = URL_SAFE_NO_PAD.encode([0xffu8; 64]);
        assert!(matches!(decode(&garbage), Err(ShareError::Damaged(_))));
        // Deflate data that is not text.
        assert!(matches!(
            decode(&pack(&[0xff, 0xfe, 0x00, 0x80])),
            Err(ShareError::Damaged(why)) if why.contains("text")
        ));
        assert!(matches!(decode(""), Err(ShareError::Damaged(_))));
        assert!(matches!(decode("#share="), Err(ShareError::Damaged(_))));
        let message = decode("abc!").unwrap_err().to_string();
        assert!(message.starts_with("This link is damaged"), "{message}");
    }

    #[test]
    fn a_link_that_unpacks_to_more_than_the_limit_is_refused() {
        let bomb = pack(&vec![b' '; MAX_UNPACKED_BYTES + 1]);
        // Small enough to pass as a link: this is what makes it a bomb.
        assert!(bomb.len() < MAX_LINK_CHARS, "{}", bomb.len());
        assert_eq!(decode(&bomb).unwrap_err(), ShareError::UnpacksTooLarge);
        assert!(ShareError::UnpacksTooLarge.to_string().contains("20 MB"));
    }

    #[test]
    fn an_overlong_link_is_refused_before_unpacking() {
        let long = "A".repeat(3 * MAX_LINK_CHARS + 1);
        assert!(matches!(
            decode(&long),
            Err(ShareError::Damaged(why)) if why.contains("longer")
        ));
    }

    #[test]
    fn json_that_is_not_ours_goes_through_the_file_checks() {
        let err = decode(&pack(br#"{"hello":"world"}"#)).unwrap_err();
        assert!(
            matches!(err, ShareError::Format(FormatError::NotOurs(_))),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("not a CTO Workbench file"),
            "{err}"
        );
        let err = decode(&pack(b"not json")).unwrap_err();
        assert!(
            matches!(err, ShareError::Format(FormatError::NotJson { .. })),
            "{err:?}"
        );
    }

    #[test]
    fn an_invalid_assessment_lists_its_problems() {
        let mut a = sample();
        a.profile.mission = "x".repeat(crate::domain::model::MAX_TEXT_CHARS + 1);
        let text = export_compact(FileKind::Assessment, &[a], at(1_800_000_100));
        let err = decode(&pack(text.as_bytes())).unwrap_err();
        assert_eq!(err.problems().len(), 1, "{err:?}");
        assert!(
            err.problems()[0].path.ends_with("profile.mission"),
            "{err:?}"
        );
    }

    #[test]
    fn a_workspace_is_not_accepted_as_a_link() {
        let text = export_compact(FileKind::Workspace, &[sample()], at(1_800_000_100));
        assert_eq!(
            decode(&pack(text.as_bytes())).unwrap_err(),
            ShareError::Workspace
        );
    }

    #[test]
    fn link_refusals_read_in_chinese() {
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let damaged = decode("abc!").map(|_| ()).unwrap_err().to_string();
        let workspace = {
            let text = export_compact(FileKind::Workspace, &[sample()], at(1_800_000_100));
            decode(&pack(text.as_bytes()))
                .map(|_| ())
                .unwrap_err()
                .to_string()
        };
        let not_ours = decode(&pack(br#"{"hello":"world"}"#))
            .map(|_| ())
            .unwrap_err()
            .to_string();
        crate::i18n::set_current(crate::i18n::Lang::En);
        assert_eq!(
            damaged,
            "这个链接已损坏或不完整（它含有 CTO Workbench 链接里从不会出现的字符）。请让发送者\
             重新复制完整的链接，或改为发送导出的文件。"
        );
        assert!(
            workspace.starts_with("这个链接包含整个工作区"),
            "{workspace}"
        );
        assert_eq!(
            not_ours,
            "这个链接中的评估未被接受。这不是 CTO Workbench 文件：它没有 \"format\": \
             \"cto-workbench\" 字段。"
        );
    }

    #[test]
    fn digits_are_grouped_in_threes() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(61_234), "61,234");
        assert_eq!(group_digits(1_234_567), "1,234,567");
    }
}
