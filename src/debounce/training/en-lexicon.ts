/**
 * Hand-written English chat vocabulary for the generator: subjects, verb phrases with their forms, and the
 * function words that cannot end an utterance.
 */
const words = (list: string): readonly string[] => list.trim().split(/\s+/u);
const phrases = (list: string): readonly string[] => list.trim().split(/\s*\|\s*/u);

const irregular: Readonly<Record<string, readonly [string, string]>> = {
  eat: ['ate', 'eating'], go: ['went', 'going'], get: ['got', 'getting'], see: ['saw', 'seeing'], buy: ['bought', 'buying'],
  take: ['took', 'taking'], make: ['made', 'making'], have: ['had', 'having'], do: ['did', 'doing'], come: ['came', 'coming'],
  find: ['found', 'finding'], lose: ['lost', 'losing'], forget: ['forgot', 'forgetting'], leave: ['left', 'leaving'],
  run: ['ran', 'running'], write: ['wrote', 'writing'], read: ['read', 'reading'], sleep: ['slept', 'sleeping'],
  drink: ['drank', 'drinking'], meet: ['met', 'meeting'], send: ['sent', 'sending'], tell: ['told', 'telling'],
  win: ['won', 'winning'], break: ['broke', 'breaking'], pay: ['paid', 'paying'], fall: ['fell', 'falling'],
  drive: ['drove', 'driving'], ride: ['rode', 'riding'], sing: ['sang', 'singing'], swim: ['swam', 'swimming'],
  shop: ['shopped', 'shopping'], stop: ['stopped', 'stopping'], plan: ['planned', 'planning'], chat: ['chatted', 'chatting'],
  feel: ['felt', 'feeling'], wake: ['woke', 'waking'], catch: ['caught', 'catching'], bring: ['brought', 'bringing'],
  cut: ['cut', 'cutting'], put: ['put', 'putting'], sit: ['sat', 'sitting'], spend: ['spent', 'spending'],
  hang: ['hung', 'hanging'], grab: ['grabbed', 'grabbing'], text: ['texted', 'texting'], fix: ['fixed', 'fixing'],
};

/** Past and -ing forms of a verb (regular rules unless listed). */
export function verbForms(verb: string): readonly [string, string] {
  const known = irregular[verb];
  if (known !== undefined) return known;
  if (verb.endsWith('e')) return [`${verb}d`, `${verb.slice(0, -1)}ing`];
  if (/[^aeiou]y$/u.test(verb)) return [`${verb.slice(0, -1)}ied`, `${verb}ing`];
  return [`${verb}ed`, `${verb}ing`];
}

export const en = {
  subjects: words(`i i i i you you he she we they my_mom my_dad my_friend my_boss my_roommate my_sister my_brother
    it it the_cat my_dog everyone this_guy someone my_bf my_gf our_teacher the_kids jess tom amy mike sarah ben lily`).map((word) => word.replace(/_/gu, ' ')),
  /** Verb phrases that finish a clause; the first word is the verb. */
  verbPhrases: phrases(`eat dinner | eat lunch | go home | go to bed | go to the gym | get coffee | see a movie | buy new shoes
    | take a nap | make dinner | have a meeting | do my homework | come over | find my keys | lose my wallet | forget my phone
    | leave work early | run five miles | write the report | read that book | sleep all day | drink too much coffee
    | meet her parents | send the email | tell him the truth | win the game | break my phone | pay the rent | fall asleep
    | drive to work | sing karaoke | swim in the lake | shop for clothes | plan the trip | chat with her | feel better
    | wake up late | catch the bus | bring snacks | cut my hair | spend all my money | hang out | grab some food
    | text you back | fix the bug | call my mom | watch netflix | play games | study for the exam | clean my room
    | walk the dog | cook pasta | order pizza | finish the project | miss the train | pass the test | fail the quiz
    | move out | work late | stay home | visit my grandma | check the news | wash the dishes | start a new job
    | quit my job | book the tickets | paint the wall | bake cookies | learn guitar | join the club | answer the phone
    | upload the video | post the pics | reply to him | sign up | log in | back up my files | charge my phone
    | stay in | come in | check in | give up | show up | chill out | move on | calm down | cheer up | wake up | work out
    | sleep in | eat out | go out | pass out | freak out | back off | turn it off | pick you up | drop by | come back
    | get back | hang up | ask you about the party | think about it | worry about that
    | meet the girl from class | be at work | be in class | be on the bus | be there soon | be right back | be fine | be home soon | be ready | try again | do it | get it | try it | fix it | buy it | see it | watch it | eat it | send it | finish it | make it
    | love it | hate it | like it | need it | want it | miss it | do that | say that | take it | keep it | leave it`),
  /** Verbs that finish a clause with no object: we should go, this song slaps. */
  intransitive: words(`go come wait stay leave sleep try win lose help work answer call eat relax cry laugh run hide sing
    dance rest swim study cook worry panic drive walk fly move shop vote pray breathe suck slap rock hurt matter count smell burn`),
  /** Short predicates that finish a sentence: i miss you, i don't know, i think so. */
  shortPredicates: phrases(`love you | agree | get it | hope so | guess so | care | remember | understand
    | forgot | like it | need it | see you | hate this | want it | mean it | feel you | believe you | got this | can't | did
    | won't | quit | tried | know him | love it | hate it | doubt it | get you | promise | swear | disagree | told you`),
  /** Time phrases that can close a clause. */
  times: phrases(`tomorrow | tonight | today | later | yesterday | last night | this weekend | next week | right now | soon | again
    | this morning | after work | on friday | in a bit | all day | every day | already | yet | too | anyway`),
  adjectives: words(`almost_there there here back home welcome fine okay alright proud_of_you happy_for_you mad_at_me sorry_about_that good_at_it sick_of_it tired_of_this
    starving freezing exhausted wild insane lit dope rough brutal wholesome great good bad nice fun hard easy fair real true
    tired sleepy hungry busy bored happy sad sick cold hot late early excited nervous angry annoyed confused
    broke done ready fine sorry lost stuck stressed scared proud full free awake alone amazing awesome terrible cute weird
    funny expensive cheap huge tiny perfect annoying boring crazy gross delicious beautiful mid fire goated sus cringe trash meh
    iconic valid unreal sick dead chill extra salty basic overrated underrated hilarious adorable disgusting ridiculous`),
  degree: phrases(`so | really | super | kinda | pretty | very | too | totally | literally | quite | a bit
    | a little | way too | not that | so so | extremely`),
  /** Connectives that start another clause; at the end of a text they mean more is coming. */
  continuers: words(`and but so because or then cause like and_then but_then so_then plus although unless until_then
    except whereas and_also but_also and_like so_like`).map((word) => word.replace(/_/gu, ' ')),
  /** Words that cannot end a phrase: articles, prepositions, possessives. */
  function: words(`to the a an my your his her our their this that some any of with for about from at in on by into`),
  /** Openers that announce more: unfinished alone, complete with a clause after them. */
  openers: phrases(`so | so basically | and then | also | oh and | btw | anyway | actually | honestly | to be honest | tbh
    | the thing is | what i mean is | i mean | like | first of all | one more thing | guess what | the problem is
    | the funny thing is | ok so | wait so | well | i was thinking | i feel like | apparently | the point is | long story short
    | the only thing is | what i wanted to say is | i'm not sure if | i don't know if
    | i wonder if | the weird part is | plus | and also | speaking of which | remember when | you know how | not gonna lie
    | it depends on | there's this | there was this | then again | but then again | no offense but | the worst part is
    | the best part was | it's like | i heard that | what if | in my opinion | just so you know | um | uh | so um | uhh | and um
    | hmm so | well um | like um`),
  /** Speech verbs that promise content: unfinished alone. */
  speech: phrases(`was going to ask | wanted to ask | wanted to tell you | meant to say | was about to say
    | have to tell you | need to ask you | forgot to mention | should tell you | gotta say | wanted to say`),
  subordinators: words(`if when because although though since unless before after while once whenever even_though as_soon_as`).map((word) => word.replace(/_/gu, ' ')),
  thinking: phrases(`i think | i thought | i guess | i feel like | i heard | i hope | i knew | i realized | she said | he told me
    | my mom said | they said | i just found out | i bet | i wonder if | did you know | i'm pretty sure | i swear
    | i was hoping | i was thinking | i'm hoping | i was worried | i was afraid | i'm guessing | my teacher said | my boss said | the doctor said | he said | everyone says | i told her | i told him | she told me | i asked him | he asked me | they told us | i read that | i noticed`),
  replies: phrases(`ok | okay | k | kk | ok! | sure | yes | yeah | yep | yup | no | nope | nah | lol | lmao | haha | hahaha | omg
    | thanks | thank you | thx | ty | np | no problem | sounds good | cool | nice | great | awesome | got it | fair enough
    | same | me too | ikr | idk | i know | true | right | exactly | of course | definitely | maybe | not really | never mind
    | nvm | brb | gtg | good night | gn | good morning | morning | bye | see ya | later | cya | hi | hey | hello | sup
    | what | why | how | really? | seriously | wow | damn | oof | ugh | yikes | rip | congrats | happy birthday | love you
    | miss you | sorry | my bad | whatever | fine | all good | no worries | hmm | hmm ok | oh | ohh | ah i see | i see
    | makes sense | nothing much | not much | same old | not bad | pretty good | all good here | not sure | no idea | dunno | hard to say | depends | good idea | deal | bet | say less | facts | mood | same here | why not | who knows | lucky you | poor thing`),
  particles: words(`lol haha tho rn lmao man dude bro`),
} as const;
