//! Throughput of the text pipeline on synthetic Chinese product text.
//!
//! ```text
//! cargo run --release -p tianping-text --example scan_bench [MiB] [hit_every_n_sentences]
//! ```
//!
//! Builds a deterministic corpus of listing-like sentences (default 8 MiB, one disguised or plain
//! lexicon term every 10th sentence) and times, each over the whole corpus:
//! a plain leftmost-longest Aho–Corasick scan of the raw text with the same terms (the floor),
//! `normalize`, `scan` (normalise + match + exemptions + segmentation around each match), and
//! `judge_absolute_terms` (the false-advertising path end to end). Prints MB/s (10^6 bytes) of
//! input text per second on one core.

use std::time::Instant;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use tianping_text::{JudgeContext, Lexicon, judge_absolute_terms, normalize, scan};

const ORDINARY: &[&str] = &[
    "西湖龙井明前采摘，茶汤清澈，香气持久。",
    "临安山核桃仁颗粒饱满，开袋即食。",
    "蚕丝被采用桑蚕长丝，轻盈保暖，适合春秋季节使用。",
    "手工竹编收纳篮，环保材质，可放置衣物杂物。",
    "保温杯容量500ml，304不锈钢内胆，保温12小时。",
    "丝绸围巾手感顺滑，多色可选，送礼自用皆宜。",
    "无线蓝牙耳机支持快充，续航约6小时，佩戴舒适。",
    "儿童绘本套装共10册，适合3至6岁亲子共读。",
    "新鲜杨梅产地直发，冷链运输，请收货后冷藏保存。",
    "补水面霜质地清爽，适合干性及混合性肤质。",
    "本店支持七天无理由退货，发货后提供物流单号。",
    "下单后48小时内发货，偏远地区除外。",
    "如有质量问题请联系在线客服，我们将及时处理。",
    "规格：250g/罐，保质期18个月，产地浙江杭州。",
];

const WITH_TERMS: &[&str] = &[
    "全网最低价，错过再等一年！",
    "zui佳口感，回味无穷。",
    "品质第①，顾客首选。",
    "国家级工艺，匠心制作。",
    "高仿大牌包包，专柜品质。",
    "开封后最佳赏味期为7天。",
    "第一次购买享九折优惠。",
    "本店最新款，限时上架。",
    "最终解释权归本店所有，概不退换。",
    "降血压降血脂，无效退款。",
];

/// SplitMix64: a deterministic corpus without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        let len = u64::try_from(xs.len()).unwrap_or(1);
        let i = usize::try_from(self.next() % len).unwrap_or(0);
        xs[i]
    }
}

fn corpus(bytes: usize, hit_every: u64) -> String {
    let mut rng = Rng(20_260_301);
    let mut s = String::with_capacity(bytes + 256);
    while s.len() < bytes {
        if hit_every > 0 && rng.next().is_multiple_of(hit_every) {
            s.push_str(rng.pick(WITH_TERMS));
        } else {
            s.push_str(rng.pick(ORDINARY));
        }
    }
    s
}

fn time<T>(label: &str, bytes: usize, f: impl Fn() -> T) -> T {
    // One warm-up run (lexicon, segmenter dictionary), then the best of three.
    let mut out = f();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{label:<40} {:>8.1} MB/s  ({mb:.1} MB in {:.3} s)",
        mb / best,
        best
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mib: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(8);
    let hit_every: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let text = corpus(mib << 20, hit_every);
    let bytes = text.len();
    let lex = Lexicon::builtin();
    let density = if hit_every == 0 {
        "no lexicon sentences".to_string()
    } else {
        format!("a lexicon sentence every ~{hit_every} sentences")
    };
    println!(
        "corpus: {bytes} bytes, {} chars, {density}; {} terms",
        text.chars().count(),
        lex.entries().len()
    );

    let raw_patterns: Vec<&str> = lex
        .entries()
        .iter()
        .flat_map(|e| std::iter::once(e.term.as_str()).chain(e.variants.iter().map(String::as_str)))
        .collect();
    let plain = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&raw_patterns)
        .unwrap_or_else(|e| panic!("automaton: {e}"));

    let floor = time("plain aho-corasick (raw text, floor)", bytes, || {
        plain.find_iter(&text).count()
    });
    time("normalize", bytes, || normalize(&text).char_len());
    let hits = time("scan (normalise+match+exempt+segment)", bytes, || {
        scan(lex, &text).len()
    });
    let ctx = JudgeContext::default();
    let judged = time("judge_absolute_terms (end to end)", bytes, || {
        judge_absolute_terms(&text, &ctx).len()
    });
    println!("matches: plain {floor}, scan (standing) {hits}, absolute terms judged {judged}");
}
