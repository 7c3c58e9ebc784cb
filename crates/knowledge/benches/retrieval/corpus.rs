//! Synthetic knowledge that looks like the real thing to the two searches.
//!
//! **Vectors.** Real MiniLM vectors for 100,000 texts would take hours on this machine,
//! so they are generated, shaped like sentence embeddings rather than uniform noise:
//! uniform random unit vectors in 384 dimensions are all nearly orthogonal (cosine ≈ 0 ±
//! 0.05), with no neighbourhoods at all, which makes "nearest" meaningless and HNSW's
//! graph unrealistically hard; a few tight clusters would make it unrealistically easy.
//! Here a vector is `normalise(MEAN_WEIGHT·m + c + s·z)`:
//! - `m`, one direction all vectors share (sentence embeddings are anisotropic:
//!   unrelated MiniLM sentences still sit at cosine ≈ 0.1);
//! - `c`, the centre of one of the app's `APP_TOPICS` topics; each topic is
//!   `normalise(0.6·g + 0.8·r)`, `g` one of `GLOBAL_TOPICS` themes shared across apps
//!   ("shipping", "opening hours") and `r` the app's own flavour, so different apps'
//!   passages about the same theme are close, as they are in real knowledge bases;
//! - `z`, noise with a power-law spectrum (variance of coordinate `j` ∝ 1/(j+1), total
//!   1): its effective dimension is ≈ 26, the low intrinsic dimension real embeddings
//!   have, instead of 384 independent directions; `s` = `CHUNK_NOISE`.
//!
//! [`Space::describe`] prints the resulting similarity levels (same topic, same app,
//! other apps) so they can be compared with MiniLM's.
//!
//! **Text.** Words are drawn Zipf-like (exponent 1) from the 4,000 most frequent whole
//! English words (`words.txt`: the whole-word entries of the BERT uncased WordPiece
//! vocabulary, which lists them roughly by corpus frequency), mixed with each app's 40
//! topical words; one app in ten writes Japanese phrases. Lexemes go through
//! `mimi_knowledge::text`, exactly as indexed passages do.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The embedding model the passages claim.
pub const MODEL: &str = "local:all-MiniLM-L6-v2";
/// Vector size of the default local model.
pub const DIM: usize = 384;
/// Shared themes.
const GLOBAL_TOPICS: usize = 300;
/// Topics of one app.
pub const APP_TOPICS: usize = 6;
/// Weight of the direction every vector shares.
const MEAN_WEIGHT: f32 = 0.3;
/// Noise of a passage around its topic.
const CHUNK_NOISE: f32 = 0.9;
/// Words in a passage (≈ 200 tokens, the chunker's size).
const CHUNK_WORDS: usize = 140;
/// An app's own topical words.
const APP_WORDS: usize = 40;

const WORDS: &str = include_str!("words.txt");

/// Phrases of a Japanese app's passages, space-separated.
const JAPANESE: &str = "営業時間 送料無料 返品について お問い合わせ 駐車場 予約方法 支払い方法 \
     クレジットカード 配送料金 会員登録 ポイント キャンセル料 領収書 定休日 \
     お届け日数 ギフト包装 在庫状況 サイズ交換 保証期間 修理受付 店舗案内 \
     アクセス 最寄り駅 営業日 年末年始 送料 注文履歴 パスワード再設定 \
     メールアドレス 電話番号 配達時間 代金引換 銀行振込 請求書 見積もり \
     料金表 無料体験 解約手続き プラン変更 ご利用案内";

/// A seeded random source, so every run builds the same corpus.
pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

fn japanese_phrase(rng: &mut StdRng) -> &'static str {
    let n = JAPANESE.split(' ').count();
    JAPANESE
        .split(' ')
        .nth(rng.random_range(0..n))
        .unwrap_or("")
}

fn normal(rng: &mut StdRng) -> f32 {
    // Box–Muller.
    let u: f64 = rng.random::<f64>().max(f64::MIN_POSITIVE);
    let v: f64 = rng.random();
    ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
}

/// `v` scaled to length 1.
pub fn normalise(mut v: Vec<f32>) -> Vec<f32> {
    let n = v
        .iter()
        .map(|x| x * x)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    v.iter_mut().for_each(|x| *x /= n);
    v
}

/// Cosine similarity of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn random_unit(rng: &mut StdRng) -> Vec<f32> {
    normalise((0..DIM).map(|_| normal(rng)).collect())
}

/// The vector space: the shared direction, the global themes, the noise spectrum.
pub struct Space {
    mean: Vec<f32>,
    global: Vec<Vec<f32>>,
    spectrum: Vec<f32>,
}

impl Space {
    /// A new space.
    pub fn new(rng: &mut StdRng) -> Space {
        let raw: Vec<f32> = (0..DIM).map(|j| 1.0 / (j as f32 + 1.0)).collect();
        let total: f32 = raw.iter().sum();
        Space {
            mean: random_unit(rng),
            global: (0..GLOBAL_TOPICS).map(|_| random_unit(rng)).collect(),
            spectrum: raw.iter().map(|l| (l / total).sqrt()).collect(),
        }
    }

    /// The topic centres of a new app.
    pub fn app_topics(&self, rng: &mut StdRng) -> Vec<Vec<f32>> {
        (0..APP_TOPICS)
            .map(|_| {
                let g = &self.global[rng.random_range(0..GLOBAL_TOPICS)];
                let r = random_unit(rng);
                normalise(g.iter().zip(&r).map(|(g, r)| 0.6 * g + 0.8 * r).collect())
            })
            .collect()
    }

    /// `centre` plus noise of length ≈ `noise`, normalised.
    pub fn perturb(&self, rng: &mut StdRng, centre: &[f32], noise: f32) -> Vec<f32> {
        let v = centre
            .iter()
            .zip(&self.spectrum)
            .map(|(c, s)| c + noise * s * normal(rng))
            .collect();
        normalise(v)
    }

    /// A passage of the topic `centre`.
    pub fn passage(&self, rng: &mut StdRng, centre: &[f32]) -> Vec<f32> {
        let shifted: Vec<f32> = centre
            .iter()
            .zip(&self.mean)
            .map(|(c, m)| c + MEAN_WEIGHT * m)
            .collect();
        self.perturb(rng, &shifted, CHUNK_NOISE)
    }

    /// Mean similarities between passages of one topic, of one app's different topics,
    /// and of different apps, from `samples` passages of each of `apps`.
    pub fn describe(&self, rng: &mut StdRng, apps: usize) -> [f32; 3] {
        let topics: Vec<Vec<Vec<f32>>> = (0..apps).map(|_| self.app_topics(rng)).collect();
        let mut sums = [0.0f32; 3];
        let n = 2_000;
        for _ in 0..n {
            let (a, b) = (rng.random_range(0..apps), rng.random_range(0..apps));
            let (t, u) = (
                rng.random_range(0..APP_TOPICS),
                rng.random_range(1..APP_TOPICS),
            );
            let p = self.passage(rng, &topics[a][t]);
            sums[0] += cosine(&p, &self.passage(rng, &topics[a][t]));
            sums[1] += cosine(&p, &self.passage(rng, &topics[a][(t + u) % APP_TOPICS]));
            sums[2] += cosine(
                &p,
                &self.passage(rng, &topics[(a + 1 + b % (apps - 1)) % apps][t]),
            );
        }
        sums.map(|s| s / n as f32)
    }
}

/// Word sampling: a Zipf law over the vocabulary.
pub struct Words {
    words: Vec<&'static str>,
    cdf: Vec<f64>,
}

impl Words {
    /// The vocabulary of `words.txt`.
    pub fn new() -> Words {
        let words: Vec<&str> = WORDS.lines().filter(|w| !w.is_empty()).collect();
        let mut acc = 0.0;
        let cdf = (0..words.len())
            .map(|r| {
                acc += 1.0 / (r as f64 + 2.7);
                acc
            })
            .collect();
        Words { words, cdf }
    }

    fn zipf(&self, rng: &mut StdRng) -> &'static str {
        let total = self.cdf.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        let i = self.cdf.partition_point(|c| *c < x);
        self.words[i.min(self.words.len() - 1)]
    }

    /// An app's topical words: drawn from the less common part of the vocabulary.
    pub fn app_words(&self, rng: &mut StdRng, japanese: bool) -> Vec<&'static str> {
        if japanese {
            return (0..8).map(|_| japanese_phrase(rng)).collect();
        }
        (0..APP_WORDS)
            .map(|_| self.words[rng.random_range(200..self.words.len())])
            .collect()
    }

    fn word(&self, rng: &mut StdRng, topical: &[&'static str], japanese: bool) -> &'static str {
        let x: f32 = rng.random();
        if x < 0.15 {
            topical[rng.random_range(0..topical.len())]
        } else if japanese && x < 0.6 {
            japanese_phrase(rng)
        } else {
            self.zipf(rng)
        }
    }

    /// `n` words as text, in sentences.
    pub fn text(
        &self,
        rng: &mut StdRng,
        topical: &[&'static str],
        japanese: bool,
        n: usize,
    ) -> String {
        let mut out = String::new();
        for i in 0..n {
            let w = self.word(rng, topical, japanese);
            if i > 0 {
                out.push_str(if i % 12 == 0 { ". " } else { " " });
            }
            out.push_str(w);
        }
        out
    }

    /// A passage's text.
    pub fn passage(&self, rng: &mut StdRng, topical: &[&'static str], japanese: bool) -> String {
        self.text(rng, topical, japanese, CHUNK_WORDS)
    }
}

/// A visitor's question about `content`: a few of its words.
pub fn question(rng: &mut StdRng, content: &str, japanese: bool) -> String {
    let words: Vec<&str> = content
        .split([' ', '.'])
        .filter(|w| w.chars().count() >= 4 || (japanese && !w.is_ascii() && !w.is_empty()))
        .collect();
    let mut picked: Vec<&str> = (0..4)
        .filter_map(|_| words.get(rng.random_range(0..words.len().max(1))).copied())
        .collect();
    picked.dedup();
    if japanese {
        format!("{}について教えてください", picked.join("の"))
    } else {
        format!("how do {}?", picked.join(" "))
    }
}
