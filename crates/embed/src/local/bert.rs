//! The BERT encoder of all-MiniLM-L6-v2 on candle, run on packed sequences.
//!
//! Instead of padding a batch to its longest text, the tokens of all texts are stacked
//! into one `[tokens, 384]` matrix: the dense layers (nine tenths of the work) see no
//! padding at all, and only attention is computed per text. The result equals a padded,
//! masked run, which is what sentence-transformers does.

use std::collections::HashMap;
use std::path::Path;

use candle_core::{D, DType, Device, Tensor};
use rayon::prelude::*;

use crate::error::Error;

use super::kernels::{BiasAdd, BiasGelu, BiasResidualNorm};

const HIDDEN: usize = 384;
const HEADS: usize = 12;
const HEAD_DIM: usize = HIDDEN / HEADS;
const INTERMEDIATE: usize = 1536;
const LAYERS: usize = 6;
const POSITIONS: usize = 512;
const VOCAB: usize = 30522;
const EPS: f32 = 1e-12;

/// `x · w` with `w` stored transposed (`[in, out]`, contiguous); the bias is applied by
/// the fused kernel that follows.
struct Linear {
    w: Tensor,
    b: Vec<f32>,
}

struct Layer {
    /// Query, key and value in one product: `[384, 1152]`.
    qkv: Tensor,
    qkv_bias: BiasAdd,
    attention_out: Tensor,
    attention_norm: BiasResidualNorm,
    up: Tensor,
    up_gelu: BiasGelu,
    down: Tensor,
    output_norm: BiasResidualNorm,
}

/// The encoder's weights, read once.
pub(crate) struct Bert {
    words: Tensor,
    positions: Tensor,
    /// Token type 0 plus the embedding layer norm.
    embedding_norm: BiasResidualNorm,
    layers: Vec<Layer>,
}

/// Reads the named tensors, checking each shape, and builds the encoder.
struct Loader {
    tensors: HashMap<String, Tensor>,
}

impl Loader {
    fn get(&mut self, name: &str, shape: &[usize]) -> Result<Tensor, Error> {
        let t = self
            .tensors
            .remove(name)
            .ok_or_else(|| Error::Inference(format!("the weights lack {name}")))?;
        if t.dims() != shape {
            return Err(Error::Inference(format!(
                "{name} has shape {:?}, expected {shape:?}",
                t.dims()
            )));
        }
        Ok(t.to_dtype(DType::F32)?)
    }

    fn vec(&mut self, name: &str, len: usize) -> Result<Vec<f32>, Error> {
        Ok(self.get(name, &[len])?.to_vec1()?)
    }

    /// A layer norm after adding `bias` and a residual.
    fn norm(&mut self, prefix: &str, bias: Vec<f32>) -> Result<BiasResidualNorm, Error> {
        Ok(BiasResidualNorm {
            bias,
            gamma: self.vec(&format!("{prefix}.weight"), HIDDEN)?,
            beta: self.vec(&format!("{prefix}.bias"), HIDDEN)?,
            eps: EPS,
        })
    }

    fn linear(&mut self, prefix: &str, input: usize, output: usize) -> Result<Linear, Error> {
        Ok(Linear {
            w: self
                .get(&format!("{prefix}.weight"), &[output, input])?
                .t()?
                .contiguous()?,
            b: self.vec(&format!("{prefix}.bias"), output)?,
        })
    }

    fn layer(&mut self, i: usize) -> Result<Layer, Error> {
        let p = format!("encoder.layer.{i}");
        let [q, k, v] = ["query", "key", "value"]
            .map(|n| self.linear(&format!("{p}.attention.self.{n}"), HIDDEN, HIDDEN));
        let (q, k, v) = (q?, k?, v?);
        let out = self.linear(&format!("{p}.attention.output.dense"), HIDDEN, HIDDEN)?;
        let up = self.linear(&format!("{p}.intermediate.dense"), HIDDEN, INTERMEDIATE)?;
        let down = self.linear(&format!("{p}.output.dense"), INTERMEDIATE, HIDDEN)?;
        Ok(Layer {
            qkv: Tensor::cat(&[&q.w, &k.w, &v.w], 1)?.contiguous()?,
            qkv_bias: BiasAdd([q.b, k.b, v.b].concat()),
            attention_out: out.w,
            attention_norm: self.norm(&format!("{p}.attention.output.LayerNorm"), out.b)?,
            up: up.w,
            up_gelu: BiasGelu(up.b),
            down: down.w,
            output_norm: self.norm(&format!("{p}.output.LayerNorm"), down.b)?,
        })
    }
}

impl Bert {
    /// Reads `model.safetensors` into memory.
    pub fn load(weights: &Path) -> Result<Self, Error> {
        let tensors = candle_core::safetensors::load(weights, &Device::Cpu)?;
        let mut l = Loader { tensors };
        // Every text is one segment: token type 0 for all tokens.
        let token_type = l
            .get("embeddings.token_type_embeddings.weight", &[2, HIDDEN])?
            .get(0)?
            .to_vec1()?;
        Ok(Bert {
            words: l.get("embeddings.word_embeddings.weight", &[VOCAB, HIDDEN])?,
            positions: l.get(
                "embeddings.position_embeddings.weight",
                &[POSITIONS, HIDDEN],
            )?,
            embedding_norm: l.norm("embeddings.LayerNorm", token_type)?,
            layers: (0..LAYERS).map(|i| l.layer(i)).collect::<Result<_, _>>()?,
        })
    }

    /// Mean-pooled, L2-normalised embeddings of token sequences (each already wrapped
    /// in `[CLS] … [SEP]`, none empty, none longer than 512).
    pub fn embed(&self, sequences: &[Vec<u32>]) -> candle_core::Result<Vec<Vec<f32>>> {
        let lens: Vec<usize> = sequences.iter().map(Vec::len).collect();
        let total: usize = lens.iter().sum();
        let ids: Vec<u32> = sequences.iter().flatten().copied().collect();
        let positions: Vec<u32> = lens.iter().flat_map(|&n| 0..n as u32).collect();
        let ids = Tensor::from_vec(ids, total, &Device::Cpu)?;
        let positions = Tensor::from_vec(positions, total, &Device::Cpu)?;
        let mut x = self.words.index_select(&ids, 0)?;
        x.inplace_op2(
            &self.positions.index_select(&positions, 0)?,
            &self.embedding_norm,
        )?;
        for layer in &self.layers {
            x = layer.forward(&x, &lens)?;
        }
        let pooled = mean_pool(&x, &lens)?;
        let norms = pooled.sqr()?.sum_keepdim(D::Minus1)?.sqrt()?;
        pooled.broadcast_div(&norms)?.to_vec2()
    }
}

impl Layer {
    fn forward(&self, x: &Tensor, lens: &[usize]) -> candle_core::Result<Tensor> {
        let qkv = x.matmul(&self.qkv)?;
        qkv.inplace_op1(&self.qkv_bias)?;
        let h = attention(&qkv, lens)?.matmul(&self.attention_out)?;
        h.inplace_op2(x, &self.attention_norm)?;
        let up = h.matmul(&self.up)?;
        up.inplace_op1(&self.up_gelu)?;
        let out = up.matmul(&self.down)?;
        out.inplace_op2(&h, &self.output_norm)?;
        Ok(out)
    }
}

/// Self-attention of each sequence over its own tokens only, so no mask is needed.
/// Sequences are independent, so they run in parallel: their small products and
/// softmaxes would otherwise leave a core idle between candle's parallel sections.
fn attention(qkv: &Tensor, lens: &[usize]) -> candle_core::Result<Tensor> {
    let starts: Vec<usize> = lens
        .iter()
        .scan(0, |start, &n| {
            *start += n;
            Some(*start - n)
        })
        .collect();
    let contexts = starts
        .par_iter()
        .zip(lens)
        .map(|(&start, &n)| attend(&qkv.narrow(0, start, n)?))
        .collect::<candle_core::Result<Vec<_>>>()?;
    Tensor::cat(&contexts, 0)
}

/// One sequence: `[n, 3·384]` query, key and value rows to `[n, 384]` context rows.
fn attend(qkv: &Tensor) -> candle_core::Result<Tensor> {
    let n = qkv.dim(0)?;
    let scale = 1.0 / (HEAD_DIM as f64).sqrt();
    // [n, 3·384] → [3, heads, n, head_dim]
    let heads = qkv
        .reshape((n, 3, HEADS, HEAD_DIM))?
        .permute((1, 2, 0, 3))?;
    let q = (heads.get(0)?.contiguous()? * scale)?;
    let k = heads.get(1)?.contiguous()?;
    let v = heads.get(2)?.contiguous()?;
    let weights = candle_nn::ops::softmax_last_dim(&q.matmul(&k.t()?)?)?;
    weights.matmul(&v)?.transpose(0, 1)?.reshape((n, HIDDEN))
}

/// Averages each sequence's token vectors: one `[sequences, tokens]` matrix product.
fn mean_pool(x: &Tensor, lens: &[usize]) -> candle_core::Result<Tensor> {
    let total: usize = lens.iter().sum();
    let mut weights = vec![0f32; lens.len() * total];
    let mut start = 0;
    for (row, &n) in lens.iter().enumerate() {
        let offset = row * total + start;
        weights[offset..offset + n].fill(1.0 / n as f32);
        start += n;
    }
    Tensor::from_vec(weights, (lens.len(), total), &Device::Cpu)?.matmul(x)
}
