//! The members of a planted referral scheme (禁止传销条例 第七条's cases): a tree drawn level by
//! level, each member's referrer in the level above taken in turn, and each member's downline
//! (direct and indirect) counted.

use crate::rng::Rng;

/// A referral tree: members in join order, level by level.
pub(crate) struct Tree {
    /// Each member's pid.
    pub(crate) pids: Vec<String>,
    /// Each member's referrer (index), `None` for the founder level.
    pub(crate) parent: Vec<Option<usize>>,
    /// Each member's level, 0 for the founders.
    pub(crate) level_of: Vec<usize>,
    /// Each member's downline: the members they brought in, directly or indirectly.
    pub(crate) downline: Vec<i64>,
}

impl Tree {
    /// `levels[t]` members at level `t`, pids drawn in join order; member `i` of level `t`
    /// (`t > 0`) was brought in by member `i mod levels[t - 1]` of the level above.
    pub(crate) fn draw(rng: &mut Rng, levels: &[usize]) -> Tree {
        let mut pids: Vec<String> = Vec::new();
        let mut parent: Vec<Option<usize>> = Vec::new();
        let mut level_of: Vec<usize> = Vec::new();
        let mut start = 0usize;
        for (t, &n) in levels.iter().enumerate() {
            for i in 0..n {
                pids.push(rng.hex64());
                level_of.push(t);
                parent.push((t > 0).then(|| start - levels[t - 1] + i % levels[t - 1]));
            }
            start += n;
        }
        let mut downline = vec![0i64; pids.len()];
        for p in &parent {
            let mut cursor = *p;
            while let Some(j) = cursor {
                downline[j] += 1;
                cursor = parent[j];
            }
        }
        Tree {
            pids,
            parent,
            level_of,
            downline,
        }
    }
}
