// XOR from F#: the core's layers composed as a list, trained by a pure function, in a pipeline.
open LanguageExt.Common
open Pure.Core.Data
open Pure.Core.Init
open Pure.Core.Layers
open Pure.Core.Losses
open Pure.Core.Optimisers
open Pure.Core.Training

/// Serial composition as an F# operator (DiffSharp's `-->` is the precedent).
let inline (>->) (a: Layer) (b: Layer) = a.Then b

let xor = Generators.Xor()

let network =
    Layers.Serial [ Layers.Dense(4, Inits.Xavier); Layers.Tanh; Layers.Dense(1) ]

// the same network, written with the operator
let sameNetwork = Layers.Dense(4, Inits.Xavier) >-> Layers.Tanh >-> Layers.Dense(1)

let train layer =
    Train.Fit(layer, xor, Loss.BceWithLogits, Optimiser.Adam(0.1), epochs = 500, batchSize = 4, seed = 0L)

let report (model: Model) =
    let probabilities = model.Predict(xor.Features).Match((fun (m: Pure.Core.Tensors.Matrix) -> m), (fun (e: Error) -> failwith e.Message))
    for row in 0 .. xor.Rows - 1 do
        printfn "%g xor %g -> %.4f" (xor.Features.[row, 0]) (xor.Features.[row, 1]) (probabilities.[row, 0])
    let accuracy = Metrics.Accuracy(probabilities, xor.Targets)
    printfn "accuracy %.0f%%" (accuracy * 100.0)
    accuracy

[<EntryPoint>]
let main _ =
    let results =
        [ network; sameNetwork ]
        |> List.map (fun layer -> train layer |> fun fin -> fin.Match((fun (m: Model) -> report m), (fun (e: Error) -> eprintfn "%s" e.Message; 0.0)))
    if List.forall (fun a -> a = 1.0) results then 0 else 1
