// XOR from F#: the core's layers composed as a list and with >->, trained by a pure function, in a pipeline.
open Pure.Core.Data
open Pure.Core.Init
open Pure.Core.Losses
open Pure.Core.Optimisers
open Pure.Core.Training
open Pure.FSharp

let xor = Generators.Xor()

let network = Layer.serial [ Layer.dense 4 Inits.Xavier; Layer.tanh; Layer.dense 1 Inits.Xavier ]

// the same network, written with the operator
let sameNetwork = Layer.dense 4 Inits.Xavier >-> Layer.tanh >-> Layer.dense 1 Inits.Xavier

/// Trained, then each row's probability and the accuracy printed; a failure arrives as its message.
let evaluate layer =
    result {
        let! model = layer |> Train.fit Loss.BceWithLogits (Optimiser.Adam 0.1) 500 4 0L xor
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
        [ network; sameNetwork ]
        |> List.map (evaluate >> Result.defaultWith (fun message -> eprintfn "%s" message; 0.0))
    if List.forall (fun a -> a = 1.0) results then 0 else 1
