//! Normalisation with an offset map back to the original text.
//!
//! Every char of the normalised text knows the span of the original it came from, so a match found
//! in the normalised text is reported as a span of the original (chars and bytes). The folds, in
//! the order they apply to each char:
//!
//! 1. full-width ASCII (`Ａ`, `１`, `：`) and the ideographic space → ASCII; ASCII upper → lower;
//! 2. enclosed and Roman numerals (`①`, `❶`, `⑴`, `⒈`, `Ⅰ`) → ASCII digits; 大写数字 (`壹`…`拾`) → `一`…`十`;
//! 3. traditional → simplified ([`to_simplified`]: our own table for the characters the lexicons
//!    use, then the `fast2s` crate's character table for every other traditional hanzi, so a
//!    mark written "瀾悦" reads "澜悦");
//! 4. fillers are dropped: whitespace, zero-width and format chars, emoji, and decorative
//!    punctuation (`* - _ ~ · • / \ | + # . …`) — so "最 佳", "最*佳", "最-佳", "最\u{200b}佳" and
//!    "最🔥佳" all read "最佳". Whitespace between two ASCII letters or digits stays (one space), a
//!    `.` between two digits stays (`1.5`), and `:` stays (`1:1`);
//! 5. pinyin written for a hanzi next to hanzi ("zui佳", "di一", "wei一") and whole pinyin
//!    spellings of lexicon words ("zuijia", "diyi") → hanzi ([`PINYIN`]);
//! 6. a single digit 1 right after `第` or `唯` (`第1`, `第①`, `唯1`) → `一`.
//!
//! Sentence punctuation (`，。！？；：、` and ASCII `,!?;`) and line breaks are kept, so a term never
//! matches across a sentence or clause boundary.

/// A span of the original text: chars and bytes, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First char (Unicode scalar value) of the span, counted from 0.
    pub start_char: usize,
    /// One past the last char.
    pub end_char: usize,
    /// First byte of the span.
    pub start_byte: usize,
    /// One past the last byte.
    pub end_byte: usize,
}

/// Normalised text with, for each of its chars, the span of the original it came from.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// Byte offset in `text` of each normalised char.
    starts: Vec<u32>,
    /// Original span of each normalised char (several normalised chars may share one, e.g. `⑫`):
    /// start char, end char, start byte, end byte.
    spans: Vec<[u32; 4]>,
}

/// Texts are normalised up to this many bytes (offsets are kept as `u32`); the data standard caps
/// a text field at 4 MiB, so this bound is never reached by valid data. The rest is not scanned.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize - 4;

#[inline(always)]
fn pack(s: Span) -> [u32; 4] {
    // Every offset is ≤ MAX_TEXT_BYTES + 4 by construction, so the conversions cannot fail.
    [s.start_char, s.end_char, s.start_byte, s.end_byte]
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
}

fn unpack(p: [u32; 4]) -> Span {
    let [start_char, end_char, start_byte, end_byte] = p.map(|v| v as usize);
    Span {
        start_char,
        end_char,
        start_byte,
        end_byte,
    }
}

impl Normalized {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of chars of the normalised text.
    pub fn char_len(&self) -> usize {
        self.spans.len()
    }

    /// Index of the normalised char that starts at or contains normalised byte `byte`
    /// (`char_len()` for the end of the text).
    pub fn char_at_byte(&self, byte: usize) -> usize {
        let byte = u32::try_from(byte).unwrap_or(u32::MAX);
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset in the normalised text of normalised char `index` (the text's length past the end).
    pub fn byte_of_char(&self, index: usize) -> usize {
        self.starts
            .get(index)
            .map_or(self.text.len(), |&b| b as usize)
    }

    /// The original span covered by the normalised byte range `start..end`, or `None` when the
    /// range is empty or out of bounds.
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end || end > self.text.len() {
            return None;
        }
        let first = self.char_at_byte(start);
        let last = self.char_at_byte(end - 1);
        let (a, b) = (
            unpack(*self.spans.get(first)?),
            unpack(*self.spans.get(last)?),
        );
        Some(Span {
            start_char: a.start_char,
            end_char: b.end_char.max(a.end_char),
            start_byte: a.start_byte,
            end_byte: b.end_byte.max(a.end_byte),
        })
    }

    #[inline(always)]
    fn push(&mut self, c: char, span: Span) {
        self.starts
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        self.text.push(c);
        self.spans.push(pack(span));
    }

    fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }
}

/// Normalises `text` (see the module documentation). Total: never panics, linear in the input.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        starts: Vec::with_capacity(text.len() / 2),
        spans: Vec::with_capacity(text.len() / 2),
    };
    let end = if text.len() > MAX_TEXT_BYTES {
        (0..=MAX_TEXT_BYTES)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0)
    } else {
        text.len()
    };
    let mut cur = Cursor {
        text: &text[..end],
        byte: 0,
        index: 0,
    };
    let mut pending_space: Option<Span> = None;
    let mut run = String::new();
    let mut run_spans: Vec<Span> = Vec::new();
    while let Some((folded, span)) = cur.next() {
        let c = match folded {
            Folded::One(c) => c,
            Folded::Two(a, b) => {
                // A numeral of two digits (⑫): both digits share the original span.
                flush_space(&mut out, &mut pending_space, a);
                out.push(a, span);
                out.push(b, span);
                continue;
            }
        };
        if is_common_hanzi(c) {
            // Fast path: an ideograph is never whitespace, filler, latin or a digit.
            pending_space = None;
            out.push(c, span);
            continue;
        }
        if c.is_whitespace() && c != '\n' {
            pending_space.get_or_insert(span);
            continue;
        }
        if c == '.' && out.last_char().is_some_and(|p| p.is_ascii_digit()) && cur.peek_is_digit() {
            pending_space = None;
            out.push('.', span);
            continue;
        }
        if is_filler(c) {
            continue;
        }
        flush_space(&mut out, &mut pending_space, c);
        if c.is_ascii_lowercase() {
            // A run of ASCII letters, read as a whole: maybe pinyin.
            run.clear();
            run_spans.clear();
            run.push(c);
            run_spans.push(span);
            while let Some(Folded::One(l)) = cur.peek()
                && l.is_ascii_lowercase()
            {
                if let Some((_, s)) = cur.next() {
                    run.push(l);
                    run_spans.push(s);
                }
            }
            let last = run_spans.last().copied().unwrap_or(span);
            if let Some(hanzi) = pinyin_for(&run, out.last_char(), cur.next_significant()) {
                let whole = Span {
                    start_char: span.start_char,
                    end_char: last.end_char,
                    start_byte: span.start_byte,
                    end_byte: last.end_byte,
                };
                for h in hanzi.chars() {
                    out.push(h, whole);
                }
            } else {
                for (l, s) in run.chars().zip(&run_spans) {
                    out.push(l, *s);
                }
            }
            continue;
        }
        if c == '1' && matches!(out.last_char(), Some('第' | '唯')) && !cur.peek_is_digit() {
            out.push('一', span);
            continue;
        }
        out.push(c, span);
    }
    out
}

/// A pending whitespace becomes one space between two ASCII letters or digits.
fn flush_space(out: &mut Normalized, pending: &mut Option<Span>, next: char) {
    if let Some(space) = pending.take()
        && next.is_ascii_alphanumeric()
        && out.last_char().is_some_and(|p| p.is_ascii_alphanumeric())
    {
        out.push(' ', space);
    }
}

/// One original char after the per-char folds: one char, or two digits for a numeral ≥ 10.
#[derive(Clone, Copy)]
enum Folded {
    One(char),
    Two(char, char),
}

#[inline(always)]
fn fold(c: char) -> Folded {
    match numeral_value(c) {
        Some(n) if n >= 10 => Folded::Two(char::from(b'0' + n / 10), char::from(b'0' + n % 10)),
        Some(n) => Folded::One(char::from(b'0' + n)),
        None => Folded::One(fold_char(c)),
    }
}

/// Reads the original text char by char, folded, with its span.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    index: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<(Folded, Span)> {
        let c = self.text.get(self.byte..)?.chars().next()?;
        let span = Span {
            start_char: self.index,
            end_char: self.index + 1,
            start_byte: self.byte,
            end_byte: self.byte + c.len_utf8(),
        };
        self.byte = span.end_byte;
        self.index += 1;
        Some((fold(c), span))
    }

    fn peek(&self) -> Option<Folded> {
        self.text.get(self.byte..)?.chars().next().map(fold)
    }

    fn peek_is_digit(&self) -> bool {
        match self.peek() {
            Some(Folded::One(c)) => c.is_ascii_digit(),
            Some(Folded::Two(..)) => true,
            None => false,
        }
    }

    /// The next folded char that is not whitespace or filler (a line break counts).
    fn next_significant(&self) -> Option<char> {
        self.text
            .get(self.byte..)?
            .chars()
            .map(fold)
            .find_map(|f| match f {
                Folded::Two(a, _) => Some(a),
                Folded::One(c) if (c.is_whitespace() && c != '\n') || is_filler(c) => None,
                Folded::One(c) => Some(c),
            })
    }
}

/// Width, case, 大写数字 and traditional → simplified for one char.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '壹' => '一',
        '贰' | '貳' => '二',
        '叁' | '參' => '三',
        '肆' => '四',
        '伍' => '五',
        '陆' | '陸' => '六',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        _ => to_simplified(c),
    }
}

/// Value of an enclosed, parenthesised, full-stop or Roman numeral char.
fn numeral_value(c: char) -> Option<u8> {
    let v = c as u32;
    let n = match v {
        0x2460..=0x2473 => v - 0x2460 + 1, // ①..⑳
        0x2474..=0x2487 => v - 0x2474 + 1, // ⑴..⒇
        0x2488..=0x249B => v - 0x2488 + 1, // ⒈..⒛
        0x24F5..=0x24FE => v - 0x24F5 + 1, // ⓵..⓾
        0x2776..=0x277F => v - 0x2776 + 1, // ❶..❿
        0x2780..=0x2789 => v - 0x2780 + 1, // ➀..➉
        0x278A..=0x2793 => v - 0x278A + 1, // ➊..➓
        0x2160..=0x216B => v - 0x2160 + 1, // Ⅰ..Ⅻ
        0x2170..=0x217B => v - 0x2170 + 1, // ⅰ..ⅻ
        0x24EA => 0,                       // ⓪
        _ => return None,
    };
    u8::try_from(n).ok()
}

/// Chars dropped from the normalised text: whitespace is handled by the caller; these are
/// zero-width and format chars, emoji and pictographs, and decorative punctuation.
fn is_filler(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}'
        // emoji, pictographs, dingbats, arrows, geometric shapes and stars
        | '\u{1F000}'..='\u{1FAFF}' | '\u{2190}'..='\u{21FF}' | '\u{2300}'..='\u{23FF}'
        | '\u{25A0}'..='\u{27BF}' | '\u{2900}'..='\u{297F}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        // decorative punctuation (full-width forms are folded to ASCII before this)
        | '*' | '-' | '_' | '~' | '/' | '\\' | '|' | '+' | '#' | '^' | '`' | '\'' | '"' | '='
        | '<' | '>' | '.' | '@' | '&' | '$'
        | '·' | '•' | '‧' | '∙' | '⋅' | '・' | '｡' | '～' | '〜' | '‐'..='―' | '‘' | '’' | '“' | '”'
        | '…' | '‥' | '※' | '〃' | '￣' | '＿' | '¨' | '´' | '˙' | '¯' | '°'
    )
}

fn is_common_hanzi(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Pinyin read as hanzi: (spelling, hanzi, required previous char or `None` for "next to hanzi").
///
/// Multi-syllable spellings of lexicon words are replaced wherever they stand as a whole latin
/// run; single syllables only next to hanzi, and the ambiguous ones only after the char named.
pub const PINYIN: &[(&str, &str, Option<&str>)] = &[
    // whole words
    ("zuijia", "最佳", None),
    ("zuigao", "最高", None),
    ("zuihao", "最好", None),
    ("zuidi", "最低", None),
    ("zuiyou", "最优", None),
    ("diyi", "第一", None),
    ("weiyi", "唯一", None),
    ("dingji", "顶级", None),
    ("guojiaji", "国家级", None),
    ("quanwang", "全网", None),
    ("gaofang", "高仿", None),
    ("yuandan", "原单", None),
    // single syllables next to hanzi
    ("zui", "最", Some("")),
    ("di", "第", Some("")),
    ("ding", "顶", Some("")),
    ("wei", "唯", Some("")),
    ("jia", "佳", Some("最")),
    ("yi", "一", Some("第唯")),
    ("ji", "级", Some("顶家高")),
];

fn pinyin_for(run: &str, prev: Option<char>, next: Option<char>) -> Option<&'static str> {
    let &(_, hanzi, cond) = PINYIN.iter().find(|p| p.0 == run)?;
    let next_to_hanzi = prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
    let ok = match cond {
        None => !prev.is_some_and(|p| p.is_ascii_alphanumeric()),
        Some("") => next_to_hanzi,
        Some(after) => prev.is_some_and(|p| after.contains(p)),
    };
    ok.then_some(hanzi)
}

/// First and one-past-last char of the hanzi blocks converted through `fast2s` (CJK extension A
/// and the unified ideographs: every traditional char of its table lies there).
const T2S_FIRST: u32 = 0x3400;
const T2S_END: u32 = 0xA000;

/// `fast2s`'s character table, read once into a dense array over [`T2S_FIRST`]..[`T2S_END`]
/// (about 27k chars, 108 KB): each char converted on its own, without context, so a lookup is one
/// index and the result does not depend on the neighbours.
static T2S: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    (T2S_FIRST..T2S_END)
        .map(|u| {
            let c = char::from_u32(u).unwrap_or(' ');
            let mut buf = [0u8; 4];
            let s = fast2s::convert(c.encode_utf8(&mut buf));
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(t), None) => t,
                _ => c,
            }
        })
        .collect()
});

/// Traditional → simplified for one char: our table for the characters that occur in the lexicons
/// (and a few neighbours), then `fast2s`'s table; any other char is returned unchanged.
pub fn to_simplified(c: char) -> char {
    let own = to_simplified_own(c);
    if own != c {
        return own;
    }
    let u = u32::from(c);
    if (T2S_FIRST..T2S_END).contains(&u) {
        T2S.get((u - T2S_FIRST) as usize).copied().unwrap_or(c)
    } else {
        c
    }
}

/// Our own table: the traditional forms of the characters the lexicons use.
fn to_simplified_own(c: char) -> char {
    match c {
        '國' => '国',
        '級' => '级',
        '頂' => '顶',
        '極' => '极',
        '獨' => '独',
        '無' => '无',
        '權' => '权',
        '歸' => '归',
        '療' => '疗',
        '藥' => '药',
        '醫' => '医',
        '網' => '网',
        '價' => '价',
        '貨' => '货',
        '單' => '单',
        '櫃' => '柜',
        '質' => '质',
        '復' | '複' => '复',
        '換' => '换',
        '還' => '还',
        '銷' => '销',
        '費' => '费',
        '說' => '说',
        '釋' => '释',
        '終' => '终',
        '臺' | '檯' => '台',
        '預' => '预',
        '癒' => '愈',
        '純' => '纯',
        '專' => '专',
        '嚴' => '严',
        '證' => '证',
        '認' => '认',
        '標' => '标',
        '準' => '准',
        '優' => '优',
        '補' => '补',
        '貼' => '贴',
        '稅' => '税',
        '選' => '选',
        '擇' => '择',
        '購' => '购',
        '買' => '买',
        '賣' => '卖',
        '營' => '营',
        '經' => '经',
        '與' => '与',
        '場' => '场',
        '內' => '内',
        '區' => '区',
        '縣' => '县',
        '門' => '门',
        '檻' => '槛',
        '條' => '条',
        '據' => '据',
        '體' => '体',
        '驗' => '验',
        '衛' => '卫',
        '劑' => '剂',
        '診' => '诊',
        '斷' => '断',
        '腫' => '肿',
        '壓' => '压',
        '髮' | '發' => '发',
        '脫' => '脱',
        '曬' => '晒',
        '膚' => '肤',
        '創' => '创',
        '產' => '产',
        '廠' => '厂',
        '號' => '号',
        '碼' => '码',
        '數' => '数',
        '億' => '亿',
        '萬' => '万',
        '個' => '个',
        '點' => '点',
        '會' => '会',
        '對' => '对',
        '為' | '爲' => '为',
        '從' => '从',
        '來' => '来',
        '時' => '时',
        '間' => '间',
        '後' => '后',
        '現' => '现',
        '實' => '实',
        '際' => '际',
        '雙' => '双',
        '變' => '变',
        '動' => '动',
        '調' => '调',
        '違' => '违',
        '約' => '约',
        '責' => '责',
        '賠' => '赔',
        '償' => '偿',
        '罰' => '罚',
        '處' => '处',
        '毀' => '毁',
        '謗' => '谤',
        '誹' => '诽',
        '騙' => '骗',
        '偽' => '伪',
        '盜' => '盗',
        '廣' => '广',
        '護' => '护',
        '殺' => '杀',
        '滅' => '灭',
        '絕' => '绝',
        '強' => '强',
        '勝' => '胜',
        '蓋' => '盖',
        '熱' => '热',
        '歡' => '欢',
        '頭' => '头',
        '傑' => '杰',
        '屆' => '届',
        '寶' => '宝',
        '東' => '东',
        '電' => '电',
        '貴' => '贵',
        '錢' => '钱',
        '鐘' | '鍾' => '钟',
        '黴' => '霉',
        '壞' => '坏',
        '參' => '参',
        '協' => '协',
        '議' => '议',
        '規' => '规',
        '則' => '则',
        '絡' => '络',
        '類' => '类',
        '銀' => '银',
        '擔' => '担',
        '負' => '负',
        '領' => '领',
        '導' => '导',
        '師' => '师',
        '聲' => '声',
        '稱' => '称',
        '傳' => '传',
        '統' => '统',
        '計' => '计',
        '報' => '报',
        '華' => '华',
        '麗' => '丽',
        '鮮' => '鲜',
        '飲' => '饮',
        '觀' => '观',
        '賞' => '赏',
        '溫' => '温',
        '儲' => '储',
        '進' => '进',
        '紀' => '纪',
        '錄' => '录',
        '書' => '书',
        '長' => '长',
        '們' => '们',
        '這' => '这',
        '麼' => '么',
        '於' => '于',
        '態' => '态',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s).as_str().to_string()
    }

    #[test]
    fn spacing_punctuation_zero_width_and_emoji_inside_terms_are_dropped() {
        for s in [
            "最 佳",
            "最*佳",
            "最-佳",
            "最\u{200b}佳",
            "最🔥佳",
            "最　佳",
            "最·佳",
            "最_佳",
            "最~佳",
            "最\u{FE0F}佳",
            "最＊佳",
            "最 . 佳",
        ] {
            assert_eq!(n(s), "最佳", "{s:?}");
        }
    }

    #[test]
    fn sentence_punctuation_is_kept() {
        assert_eq!(n("最，佳"), "最,佳");
        assert_eq!(n("最。佳"), "最。佳");
        assert_eq!(n("最\n佳"), "最\n佳");
    }

    #[test]
    fn width_case_numerals_and_traditional_fold() {
        assert_eq!(n("ＮＯ．１"), "no1");
        assert_eq!(n("TOP 1"), "top 1");
        assert_eq!(n("第①"), "第一");
        assert_eq!(n("第1名"), "第一名");
        assert_eq!(n("第１"), "第一");
        assert_eq!(n("第壹"), "第一");
        assert_eq!(n("第Ⅰ"), "第一");
        assert_eq!(n("第12名"), "第12名");
        assert_eq!(n("國家級"), "国家级");
        assert_eq!(n("頂級"), "顶级");
        assert_eq!(n("⑫"), "12");
        assert_eq!(n("1.5倍"), "1.5倍");
        assert_eq!(n("1：1"), "1:1");
    }

    #[test]
    fn any_traditional_hanzi_is_simplified_and_simplified_text_is_left_alone() {
        // Characters outside our own table come from fast2s's table.
        assert_eq!(n("瀾悦"), "澜悦");
        assert_eq!(n("鹿鳴山"), "鹿鸣山");
        assert_eq!(n("優質麵條"), "优质面条");
        // Simplified text, and chars whose reading depends on context ("著名"), are unchanged.
        assert_eq!(n("澜悦 著名品牌"), "澜悦著名品牌");
        // One char in, one char out: the offset map is unaffected.
        let t = "瀾悦 頂級";
        assert_eq!(normalize(t).char_len(), 4);
    }

    #[test]
    fn pinyin_next_to_hanzi_is_read_as_hanzi() {
        assert_eq!(n("zui佳"), "最佳");
        assert_eq!(n("ZUI佳"), "最佳");
        assert_eq!(n("最jia"), "最佳");
        assert_eq!(n("di一"), "第一");
        assert_eq!(n("wei一"), "唯一");
        assert_eq!(n("ding级"), "顶级");
        assert_eq!(n("zuijia"), "最佳");
        // Not pinyin where it is part of a word or not next to hanzi.
        assert_eq!(n("digital"), "digital");
        assert_eq!(n("zui"), "zui");
        assert_eq!(n("jia佳"), "jia佳");
        assert_eq!(n("bizuijia"), "bizuijia");
    }

    #[test]
    fn whitespace_between_latin_words_stays_one_space() {
        assert_eq!(n("Hello   World"), "hello world");
        assert_eq!(n("A 货"), "a货");
    }

    #[test]
    fn every_normalised_char_maps_into_the_original() {
        let original = "🔥ＺＵＩ佳 國家級 第①名 1️⃣";
        let norm = normalize(original);
        for (b, _) in norm.as_str().char_indices() {
            let end = b + norm.as_str()[b..].chars().next().map_or(1, char::len_utf8);
            let span = norm.original_span(b, end).unwrap();
            assert!(original.is_char_boundary(span.start_byte));
            assert!(original.is_char_boundary(span.end_byte));
            assert_eq!(
                original[..span.start_byte].chars().count(),
                span.start_char,
                "char offset of byte {}",
                span.start_byte
            );
        }
        let zui = norm.as_str().find("最佳").unwrap();
        let span = norm.original_span(zui, zui + "最佳".len()).unwrap();
        assert_eq!(&original[span.start_byte..span.end_byte], "ＺＵＩ佳");
        assert_eq!((span.start_char, span.end_char), (1, 5));
    }

    #[test]
    fn empty_and_out_of_range_spans_are_none() {
        let norm = normalize("最佳");
        assert!(norm.original_span(0, 0).is_none());
        assert!(norm.original_span(0, 100).is_none());
    }
}
