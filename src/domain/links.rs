//! Which user-entered links may become clickable.
//!
//! Owns the render-time rule for any link a user (or an imported file, or stored data) supplies:
//! only `http:`, `https:` and `mailto:` addresses become an `<a href>`; anything else (such as
//! `javascript:`, `data:`, `vbscript:`, `file:`) is shown as plain text. This is a second line
//! of defence after [`crate::domain::answers::check_link`], which refuses such links on entry and
//! on import: stored data from an older build, or edited by hand, never passes through that
//! check, so the UI asks here again before every `href`.

/// The schemes a link may have to be clickable, lower case, with their colon.
const CLICKABLE: [&str; 3] = ["https://", "http://", "mailto:"];

/// The `href` to use for `link` (the link without surrounding spaces) when it is safe, `None`
/// when it must be shown as text.
///
/// Browsers strip leading control characters from a URL and drop tabs and line breaks inside
/// it (`java\tscript:` is `javascript:`), so after the outer spaces are trimmed any whitespace or
/// control character left disqualifies the link rather than being cleaned: the string checked
/// is the string used, byte for byte.
///
/// ```
/// use cto_workbench::domain::links::safe_href;
/// assert_eq!(safe_href("https://example.com/audit.pdf"), Some("https://example.com/audit.pdf"));
/// assert_eq!(safe_href("javascript:alert(1)"), None);
/// ```
pub fn safe_href(link: &str) -> Option<&str> {
    // The same trim as `answers::check_link`, so a link accepted there is clickable here.
    let link = link.trim();
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let clickable = CLICKABLE.iter().any(|scheme| {
        link.get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
            && link.len() > scheme.len()
    });
    clickable.then_some(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_are_clickable_as_written() {
        for link in [
            "https://example.com/audit.pdf",
            "http://intranet.local/wiki?page=1&x=\"2\"",
            "HTTPS://EXAMPLE.COM",
            "mailto:cto@example.com",
            "MailTo:cto@example.com?subject=Hi",
        ] {
            assert_eq!(safe_href(link), Some(link), "{link}");
        }
    }

    #[test]
    fn script_and_data_links_are_text() {
        for link in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "javascript://example.com/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://example.com",
            "blob:https://example.com/1",
            "//example.com/no-scheme",
            "/a/local/path",
            "example.com",
            "",
            "https://",
            "http:",
            "mailto:",
            "https:example.com",
        ] {
            assert_eq!(safe_href(link), None, "{link}");
        }
    }

    #[test]
    fn surrounding_spaces_are_trimmed_from_the_href() {
        assert_eq!(
            safe_href("  https://example.com/a \n"),
            Some("https://example.com/a")
        );
        assert_eq!(safe_href(" javascript:alert(1)"), None);
        assert_eq!(safe_href("\tdata:text/html,x"), None);
    }

    #[test]
    fn whitespace_and_controls_inside_make_a_link_text() {
        for link in [
            "\u{0}javascript:alert(1)",
            "\u{0}https://example.com",
            "\u{1}https://example.com",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "https://exa mple.com",
            "https://example.com/\u{7f}",
            "https://\u{a0}example.com",
            "https://exa\u{2028}mple.com",
        ] {
            assert_eq!(safe_href(link), None, "{link:?}");
        }
    }

    #[test]
    fn a_scheme_only_counts_at_the_start() {
        assert_eq!(safe_href("javascript:alert('https://x')"), None);
        assert_eq!(safe_href("xhttps://example.com"), None);
        // Multi-byte text where the scheme would be must not panic on a char boundary.
        assert_eq!(safe_href("ééé://example.com"), None);
        assert_eq!(safe_href("日本"), None);
    }
}
