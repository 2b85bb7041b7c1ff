// XOR from F#: the core's layers composed as a list and with >->, trained by a pure function, in a pipeline.
open Pure.Core.Backends.Cpu
open Pure.Core.Data
open Pure.Core.Init
open Pure.Core.Losses
open Pure.Core.Optimisers
open Pure.Core.Training
open Pure.FSharp

let xor = Generators.Xor()

let network = Layer.serial [ Layer.dense 4 Inits.Xavier; Layer.tanh; Layer.dense 1 Inits.Xavier ]

// the same network, written with the operator and its activation named from the core's catalogue
let sameNetwork = Layer.activation "tanh" |> Result.map (fun tanh -> Layer.dense 4 Inits.Xavier >-> tanh >-> Layer.dense 1 Inits.Xavier)

// a deeper one with the cures for depth: a residual block around a layer-normalised dense layer
let deepNetwork =
    Layer.serial [ Layer.dense 8 Inits.Xavier; Layer.tanh
                   Layer.residual (Layer.serial [ Layer.dense 8 Inits.Xavier; Layer.layerNorm; Layer.tanh ])
                   Layer.dense 1 Inits.Xavier ]

// training as curried functions: on the default backend, and on one passed in
let fit = Train.fit Loss.BceWithLogits (Optimiser.Adam 0.1) 500 4 0L xor
let fitOnCpu = Train.fitOn CpuBackend.Default Loss.BceWithLogits (Optimiser.Adam 0.1) 500 4 0L xor

/// Trained, then each row's probability and the accuracy printed; a failure arrives as its message.
let evaluate train layer =
    result {
        let! model = layer |> train
        let! probabilities = model |> Model.predict xor.Features
        [ 0 .. xor.Rows - 1 ]
        |> List.iter (fun row -> printfn "%g xor %g -> %.4f" xor.Features.[row, 0] xor.Features.[row, 1] probabilities.[row, 0])
        let accuracy = Metrics.Accuracy(probabilities, xor.Targets)
        printfn "accuracy %.0f%%" (accuracy * 100.0)
        return accuracy
    }

[<EntryPoint>]
let main _ =
    let results =
        [ Ok network, fit; sameNetwork, fitOnCpu; Ok deepNetwork, fit ]
        |> List.map (fun (layer, train) -> layer |> Result.bind (evaluate train) |> Result.defaultWith (fun message -> eprintfn "%s" message; 0.0))
    if List.forall (fun a -> a = 1.0) results then 0 else 1
