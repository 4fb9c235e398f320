//! Instalment wording in a price label — "月付199元×12期 总价2388元", "每月¥199 共12期",
//! "199元/月×12个月", "首付999 月供199 分12期" — read as the total it states.
//!
//! 明码标价和禁止价格欺诈规定 第十九条第二项 forbids luring with a low price and settling at a
//! higher one, and 第十九条第六项 hiding unfavourable price conditions: a per-period figure shown
//! with its term (and so the total) is not a lower price than the total charged — the condition
//! is shown, not hidden. A per-period figure with no term ("月付199元") states no total and is
//! not read here: the page showed a price lower than the one charged. Pure; total on any input.

/// Words after which a number is the per-period amount (canonical label form).
const PER_PERIOD_BEFORE: &[&str] = &["月付", "月供", "每月", "每期", "分期付", "分期价", "月租"];
/// Words after a number (its unit skipped) that make it the per-period amount.
const PER_PERIOD_AFTER: &[&str] = &["/月", "/期", "每月", "每期", "一期", "1期", "元月", "元期"];
/// Words after which a number is the stated total.
const TOTAL_BEFORE: &[&str] = &[
    "总价",
    "总额",
    "合计",
    "共计",
    "总计",
    "全款",
    "总费用",
    "总金额",
];
/// Words after which a number is a down payment added to the instalments.
const DOWN_PAYMENT_BEFORE: &[&str] = &["首付", "定金"];
/// Chars allowed between a cue word and its number ("总价:¥2388", "月付 199").
const CUE_GAP: usize = 3;

/// What an instalment label states, in fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Instalment {
    /// The amount per period, if the label gives it.
    pub per_period: Option<i64>,
    /// The number of periods, if the label gives it.
    pub periods: Option<i64>,
    /// The total the label states outright, if any.
    pub stated_total: Option<i64>,
    /// A down payment paid besides the periods.
    pub down_payment: i64,
}

impl Instalment {
    /// The total the label tells the buyer: the lower of the total it states and the periods
    /// times the per-period amount (plus the down payment), or `None` if it tells neither.
    pub fn total(&self, shown_per_period: i64) -> Option<i64> {
        let per = self.per_period.unwrap_or(shown_per_period);
        let computed = self
            .periods
            .and_then(|n| per.checked_mul(n))
            .and_then(|t| t.checked_add(self.down_payment));
        match (self.stated_total, computed) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// A number in the text: value in fen, first char, one past its last char.
fn numbers(chars: &[char]) -> Vec<(i64, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut yuan: i64 = 0;
        while i < chars.len() && chars[i].is_ascii_digit() {
            yuan = yuan
                .saturating_mul(10)
                .saturating_add(i64::from(chars[i].to_digit(10).unwrap_or(0)));
            i += 1;
        }
        let mut fen = yuan.saturating_mul(100);
        if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            i += 1;
            let mut scale = 10;
            while i < chars.len() && chars[i].is_ascii_digit() {
                if scale >= 1 {
                    fen = fen.saturating_add(i64::from(chars[i].to_digit(10).unwrap_or(0)) * scale);
                }
                scale /= 10;
                i += 1;
            }
        }
        out.push((fen, start, i));
    }
    out
}

fn text(chars: &[char], from: usize, to: usize) -> String {
    chars[from.min(chars.len())..to.min(chars.len())]
        .iter()
        .collect()
}

/// The number standing within [`CUE_GAP`] chars after one of `cues` (only currency marks,
/// colons and spaces between).
fn after_cue(chars: &[char], nums: &[(i64, usize, usize)], cues: &[&str]) -> Option<i64> {
    let joined: String = chars.iter().collect();
    for cue in cues {
        for (byte, _) in joined.match_indices(cue) {
            let at = joined[..byte].chars().count() + cue.chars().count();
            if let Some(n) = nums.iter().find(|n| {
                n.1 >= at
                    && n.1 - at <= CUE_GAP
                    && chars[at..n.1]
                        .iter()
                        .all(|c| matches!(c, '¥' | '￥' | ':' | '：' | ' ' | '仅' | '只' | '约'))
            }) {
                return Some(n.0);
            }
        }
    }
    None
}

/// The instalment a label (in `tianping_text::normalize` form: half-width, no spacing) states,
/// if it speaks of instalments at all.
pub(crate) fn read(label: &str) -> Option<Instalment> {
    let speaks = PER_PERIOD_BEFORE
        .iter()
        .chain(PER_PERIOD_AFTER)
        .any(|w| label.contains(w))
        || label.contains("分期");
    if !speaks {
        return None;
    }
    let chars: Vec<char> = label.chars().collect();
    let nums = numbers(&chars);
    let per_after = nums.iter().find(|n| {
        let mut k = n.2;
        let unit = matches!(chars.get(k), Some('元' | '块'));
        if unit {
            k += 1;
        }
        let rest = text(&chars, k, k + 2);
        // Normalised, "199元/月" reads "199元月" (the slash is a filler): after a unit, 月 or 期
        // alone is "per".
        PER_PERIOD_AFTER.iter().any(|w| rest.starts_with(w))
            || (unit && (rest.starts_with('月') || rest.starts_with('期')))
    });
    let per_period = after_cue(&chars, &nums, PER_PERIOD_BEFORE).or(per_after.map(|n| n.0));
    // "12期", "分12个月", "×12": the count of periods (a whole number, not a price).
    let periods = nums.iter().find_map(|n| {
        let whole = n.0 % 100 == 0 && n.0 > 0;
        let after = text(&chars, n.2, n.2 + 2);
        let before = text(&chars, n.1.saturating_sub(1), n.1);
        let counted = after.starts_with('期')
            || (after.starts_with("个月") && label.contains("分"))
            || matches!(before.as_str(), "×" | "x" | "X" | "*");
        (whole && counted && n.0 / 100 <= 120).then_some(n.0 / 100)
    });
    let stated_total = after_cue(&chars, &nums, TOTAL_BEFORE).or_else(|| {
        // "共12期" names the periods; "共2388元" a total.
        nums.iter().find_map(|n| {
            let before = text(&chars, n.1.saturating_sub(1), n.1);
            let after = text(&chars, n.2, n.2 + 1);
            (before == "共" && after == "元").then_some(n.0)
        })
    });
    let down_payment = after_cue(&chars, &nums, DOWN_PAYMENT_BEFORE).unwrap_or(0);
    Some(Instalment {
        per_period,
        periods,
        stated_total,
        down_payment,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(label: &str, shown: i64) -> Option<i64> {
        read(tianping_text::normalize(label).as_str()).and_then(|i| i.total(shown))
    }

    #[test]
    fn the_total_an_instalment_label_states() {
        assert_eq!(
            total("月付199元×12期 总价2388元 免息", 19_900),
            Some(238_800)
        );
        assert_eq!(total("每月¥199 共12期", 19_900), Some(238_800));
        assert_eq!(total("199元/月×12个月", 19_900), Some(238_800));
        assert_eq!(total("分期：每期 99.5 元，分 24 期", 9_950), Some(238_800));
        assert_eq!(
            total("首付999 月供199 分12期", 19_900),
            Some(99_900 + 238_800)
        );
        assert_eq!(total("月供 ¥199（共2388元）", 19_900), Some(238_800));
        // Stated total and periods disagree: the lower is what the buyer was told.
        assert_eq!(total("月付199×12期 总价2000元", 19_900), Some(200_000));
    }

    #[test]
    fn no_total_without_a_term() {
        // A per-period figure with no term states no total: not read as one.
        assert_eq!(total("月付199元", 19_900), None);
        assert_eq!(total("低至每月199", 19_900), None);
        // No instalment wording at all.
        assert_eq!(read("配镜199"), None);
        assert_eq!(read("全包价2999 拿证为止"), None);
        assert_eq!(read("限时12小时"), None);
    }

    #[test]
    fn total_on_any_input() {
        for label in [
            "",
            "月付",
            "分期99999999999999999999999期",
            "月付.元",
            "总价¥",
            "×期",
        ] {
            let _ = read(label).map(|i| i.total(i64::MAX));
        }
    }
}
