// The core from F#: Fin as Result, lower-case layer constructors, curried training. Every function is a
// one-liner over Pure.Core. LanguageExt is never opened here, so F#'s own Result and Error stay in scope.
namespace Pure.FSharp

open Pure.Core.Activations
open Pure.Core.Backends
open Pure.Core.Data
open Pure.Core.Init
open Pure.Core.Layers
open Pure.Core.Losses
open Pure.Core.Optimisers
open Pure.Core.Tensors
open Pure.Core.Training

/// LanguageExt's Fin as F#'s Result, the error reduced to its message.
[<RequireQualifiedAccess>]
module Fin =
    /// Ok with the value, or Error with the failure's message.
    let toResult (fin: LanguageExt.Fin<'T>) : Result<'T, string> =
        fin.Match((fun value -> Ok value), (fun (error: LanguageExt.Common.Error) -> Error error.Message))

    /// The value; a failure raises (failwith) with its message.
    let get (fin: LanguageExt.Fin<'T>) : 'T = fin |> toResult |> Result.defaultWith failwith

/// A minimal builder for Result (FSharp.Core has none): let!, return and return! in result { }.
type ResultBuilder() =
    member _.Bind(result: Result<'T, 'E>, next: 'T -> Result<'U, 'E>) = Result.bind next result
    member _.Return(value: 'T) : Result<'T, 'E> = Ok value
    member _.ReturnFrom(result: Result<'T, 'E>) = result

/// The operator and the builder, in scope with `open Pure.FSharp`.
[<AutoOpen>]
module Syntax =
    /// a, then b (serial composition; DiffSharp's `-->` is the precedent).
    let inline (>->) (a: Layer) (b: Layer) = a.Then b

    /// result { let! model = ...; return ... } over Result<'T, string> (or any error type).
    let result = ResultBuilder()

/// Layer constructors: `Layer.serial [ Layer.dense 4 Inits.He; Layer.relu; Layer.dense 1 Inits.Xavier; Layer.sigmoid ]`.
/// Qualified access keeps `tanh` and friends from shadowing FSharp.Core's functions.
[<RequireQualifiedAccess>]
module Layer =
    /// The layers in order, as one layer.
    let serial (layers: Layer list) = Layers.Serial(layers)

    /// A fully connected layer of `units` outputs, weights drawn by `init`, biases zero.
    let dense units (init: Initialiser) = Layers.Dense(units, init)

    /// Elementwise max(0, x).
    let relu = Layers.Relu

    /// Elementwise hyperbolic tangent.
    let tanh = Layers.Tanh

    /// Elementwise logistic function.
    let sigmoid = Layers.Sigmoid

    /// Any activation of the catalogue by name (`Layer.activation "mish"`), or the message listing the names.
    let activation name = Activation.Named(name) |> Fin.toResult |> Result.map Layers.Activation

    /// Inverted dropout with drop probability `rate`.
    let dropout (rate: float) = Layers.Dropout(rate)

    /// y = x + f(x); a width-changing `f` fails when the network is built (use `residualProjected`).
    let residual (f: Layer) = Layers.Residual(f)

    /// y = x·Pᵀ + f(x) with a learnt projection P on the skip, for an `f` that changes the width.
    let residualProjected (f: Layer) = Layers.Residual(f, project = true)

    /// Layer normalisation of each row (ε = 1e-5, γ = 1 and β = 0 to start).
    let layerNorm = Layers.LayerNorm()

    /// Batch normalisation of each feature (ε = 1e-5, momentum 0.1); its running statistics are state, kept in the model.
    let batchNorm = Layers.BatchNorm()

/// Training as a curried function.
[<RequireQualifiedAccess>]
module Train =
    /// The model trained on `data` from `layer`; data comes before layer so that
    /// `layers |> List.map (Train.fit loss optimiser epochs batch seed data)` reads left to right.
    let fit (loss: Loss) (optimiser: Optimiser) (epochs: int) (batchSize: int) (seed: int64) (data: Dataset) (layer: Layer) : Result<Model, string> =
        Pure.Core.Training.Train.Fit(layer, data, loss, optimiser, epochs, batchSize = batchSize, seed = seed) |> Fin.toResult

    /// `fit` on a backend of the caller's choosing (the plain `fit` runs on `CpuBackend.Default`).
    let fitOn (backend: IBackend<float32>) (loss: Loss) (optimiser: Optimiser) (epochs: int) (batchSize: int) (seed: int64) (data: Dataset) (layer: Layer) : Result<Model, string> =
        Pure.Core.Training.Train.Fit(layer, data, loss, optimiser, epochs, batchSize = batchSize, seed = seed, backend = backend) |> Fin.toResult

/// A trained model's predictions and accuracy, the model last for pipelines.
[<RequireQualifiedAccess>]
module Model =
    /// The model's predictions on the rows of `x` (probabilities for classification).
    let predict (x: Matrix) (model: Model) : Result<Matrix, string> = model.Predict(x) |> Fin.toResult

    /// `predict` on a backend of the caller's choosing.
    let predictOn (backend: IBackend<float32>) (x: Matrix) (model: Model) : Result<Matrix, string> = model.Predict(x, backend) |> Fin.toResult

    /// The share of rows of `x` whose predicted class matches `targets`.
    let accuracy (x: Matrix) (targets: Matrix) (model: Model) : Result<float, string> = model.Accuracy(x, targets) |> Fin.toResult
